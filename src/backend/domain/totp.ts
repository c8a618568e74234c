import { HOTP, Secret, TOTP } from 'otpauth/slim';
import { SECOND_MS } from '@/api/limits';
import type { DomainContext } from './context';
import { digestsEqual } from './encoding';
import {
  TOTP_ALGORITHM,
  TOTP_DIGITS,
  TOTP_DRIFT_HINT_MAX_STEPS,
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
  const current = stepAt(now);
  const window = [];
  for (let step = current - TOTP_WINDOW_STEPS; step <= current + TOTP_WINDOW_STEPS; step++) {
    window.push(step);
  }
  return firstStepOfCode(secret, code, window, lastUsedStep);
}

/**
 * DRIFT-1: for a code the window refused, how many steps ahead (positive) or
 * behind (negative) of `now` the phone that showed it seems to be, when it
 * matches a step just past the window, up to TOTP_DRIFT_HINT_MAX_STEPS; else
 * null. Nearer steps are tried first. It never accepts anything: a step at or
 * before `lastUsedStep` is skipped, so a replayed code reads as plain wrong
 * rather than as a clock that is behind.
 */
export function driftInSteps(refused: {
  secret: string;
  code: string;
  now: number;
  lastUsedStep: number | null;
}): number | null {
  const { secret, code, lastUsedStep } = refused;
  const current = stepAt(refused.now);
  const pastTheWindow = [];
  for (let distance = TOTP_WINDOW_STEPS + 1; distance <= TOTP_DRIFT_HINT_MAX_STEPS; distance++) {
    pastTheWindow.push(current + distance, current - distance);
  }
  const step = firstStepOfCode(secret, code, pastTheWindow, lastUsedStep);
  return step === null ? null : step - current;
}

/**
 * The first of `steps` whose code this is, compared in equal time, skipping
 * every step at or before `lastUsedStep`; null for none, or for a code that is
 * not six digits.
 */
function firstStepOfCode(
  secret: string,
  code: string,
  steps: readonly number[],
  lastUsedStep: number | null,
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  for (const step of steps) {
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
