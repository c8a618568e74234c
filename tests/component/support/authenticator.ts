import { Secret, TOTP } from 'otpauth';
import { mockApi } from './mock-api';

const PERIOD_SECONDS = 30;

/**
 * What an authenticator app shows for a secret, `offsetSteps` steps from the
 * mock server's clock, computed by otpauth rather than by the mock's own TOTP.
 */
export async function phoneCode(secret: string, offsetSteps = 0): Promise<string> {
  const now = await mockApi().server.run((_state, ctx) => ctx.now);
  const totp = new TOTP({
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
  });
  return totp.generate({ timestamp: now + offsetSteps * PERIOD_SECONDS * 1000 });
}

/**
 * A 6-digit code that no step the server accepts around its clock would take,
 * nor any step the clock-drift hint looks at (DRIFT-1: 2 to 10 steps either side),
 * so it always reads as plainly wrong.
 */
export async function wrongCode(secret: string): Promise<string> {
  const steps = Array.from({ length: 21 }, (_, i) => i - 10);
  const accepted = new Set(await Promise.all(steps.map((step) => phoneCode(secret, step))));
  let candidate = 123456;
  while (accepted.has(String(candidate))) candidate += 1;
  return String(candidate);
}
