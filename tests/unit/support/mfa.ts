import { HOTP, Secret } from 'otpauth';

const PERIOD_MS = 30_000;

/**
 * The code a phone app shows for a secret at a moment, `deltaSteps` steps
 * later; computed with otpauth directly rather than the server's own helper.
 */
export function totpAt(secret: string, epochMs: number, deltaSteps = 0): string {
  return HOTP.generate({
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    counter: Math.floor(epochMs / PERIOD_MS) + deltaSteps,
  });
}
