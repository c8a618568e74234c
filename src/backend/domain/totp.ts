import { HOTP, Secret, TOTP } from 'otpauth/slim';
import { SECOND_MS } from '@/api/limits';
import type { DomainContext } from './context';
import { digestsEqual } from './encoding';
import {
  TOTP_ALGORITHM,
  TOTP_DIGITS,
  TOTP_ISSUER,
  TOTP_PERIOD_SECONDS,
  TOTP_SECRET_BYTES,
  TOTP_WINDOW_STEPS,
} from './limits';

/** The RFC 6238 time step a moment falls in. */
export function stepAt(epochMs: number): number {
  return Math.floor(epochMs / SECOND_MS / TOTP_PERIOD_SECONDS);
}

export function generateSecret(ctx: DomainContext): string {
  const bytes = ctx.randomBytes(TOTP_SECRET_BYTES);
  return new Secret({ buffer: bytes.slice().buffer }).base32;
}

/** The code an authenticator app shows for a secret at a step. */
export function codeAt(secret: string, step: number): string {
  return HOTP.generate({
    secret: Secret.fromBase32(secret),
    algorithm: TOTP_ALGORITHM,
    digits: TOTP_DIGITS,
    counter: step,
  });
}

/**
 * The step a code matches within the window around `now`, or null. A step at or
 * before `lastUsedStep` never matches again (MOCK-3 replay protection), and is
 * skipped rather than ending the search, so a code that also matches a later,
 * unused step in the window still counts.
 */
export function matchingStep(
  secret: string,
  code: string,
  now: number,
  lastUsedStep: number | null,
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const current = stepAt(now);
  for (let step = current - TOTP_WINDOW_STEPS; step <= current + TOTP_WINDOW_STEPS; step++) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    if (digestsEqual(codeAt(secret, step), code)) return step;
  }
  return null;
}

/** BIND-2: the otpauth:// URI a phone app scans. */
export function otpauthUri(secret: string, accountEmail: string): string {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: accountEmail,
    secret: Secret.fromBase32(secret),
    algorithm: TOTP_ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  }).toString();
}
