// The server's clock during the growth bench, and the TOTP codes read from it.
import { codeAt, stepAt } from '@/backend/domain/totp';
import { STEP_MS } from './growth-settings';

/**
 * The server's clock: the real one, moved on by the bench when a TOTP step
 * must be fresh (a step verifies once per account) or when GUARD-5's hour
 * must have passed for the same people to file again.
 */
let offsetMs = 0;
export const clock = () => Date.now() + offsetMs;

/** The last TOTP step each secret verified: a step verifies once per account. */
const lastStepOf = new Map<string, number>();
/** The code an authenticator shows now, on a step this secret has not used yet. */
export function freshCode(secret: string): string {
  let step = stepAt(clock());
  // Two turns at most: a step is 30 s long.
  for (let turn = 0; turn < 3 && step <= (lastStepOf.get(secret) ?? 0); turn += 1) {
    offsetMs += STEP_MS;
    step = stepAt(clock());
  }
  lastStepOf.set(secret, step);
  return codeAt(secret, step);
}

/** Moves the server's clock on, past a TOTP step or GUARD-5's hour. */
export function moveClock(ms: number): void {
  offsetMs += ms;
}
