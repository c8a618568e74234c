import type { DomainContext } from '@/backend/domain/context';
import { DomainError } from '@/backend/domain/errors';
import { authenticate } from '@/backend/domain/sessions';
import type { ServerState, SessionRecord } from '@/backend/domain/state';
import { codeAt, stepAt } from '@/backend/domain/totp';
import type { TestBackend } from './everything-by-default';

/** The refusal a promise ends in; fails the test if it succeeded or threw anything else. */
export async function refusalOf(outcome: Promise<unknown>): Promise<DomainError> {
  try {
    await outcome;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal, but the operation succeeded');
}

/** Runs one domain operation as the session a token names, in one transaction. */
export function runAs<T>(
  server: TestBackend,
  token: string,
  operation: (state: ServerState, ctx: DomainContext, session: SessionRecord) => T | DomainError,
): Promise<T> {
  return server.run((state, ctx) => operation(state, ctx, authenticate(state, ctx, token)));
}

/** One TOTP step, written out here rather than taken from the code under test. */
export const STEP_MS = 30_000;

/** The code an authenticator app shows for a secret at a moment. */
export function totpAt(secret: string, epochMs: number, stepDelta = 0): string {
  return codeAt(secret, stepAt(epochMs) + stepDelta);
}

/** Steps either side of now whose codes a wrong code must not be: the window and the drift hint's reach (DRIFT-1). */
const NEAR_STEPS = 11;

/**
 * `count` distinct 6-digit codes that match none of the steps from eleven before
 * to eleven after `epochMs` for the secret: wrong codes that are wrong for
 * certain, and that no phone with a clock a little off would show.
 */
export function wrongCodes(secret: string, epochMs: number, count: number): string[] {
  const deltas = Array.from({ length: 2 * NEAR_STEPS + 1 }, (_, index) => index - NEAR_STEPS);
  const near = new Set(deltas.map((delta) => totpAt(secret, epochMs, delta)));
  const codes: string[] = [];
  for (let i = 0; codes.length < count; i++) {
    const code = String((271_828 + i * 104_729) % 1_000_000).padStart(6, '0');
    if (!near.has(code) && !codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** The verification code in the newest email to `to`, as the mailbox shows it. */
export function latestEmailCode(outbox: ServerState['outbox'], to: string): string {
  const message = outbox.filter((entry) => entry.to === to).at(-1);
  const code = message?.body.match(/verification code is (\d{6})\b/)?.[1];
  if (!code) throw new Error(`no verification code was emailed to ${to}`);
  return code;
}
