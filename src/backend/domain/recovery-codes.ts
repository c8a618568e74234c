import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { DomainContext } from './context';
import { digestsEqual } from './encoding';
import { RECOVERY_CODE_COUNT, RECOVERY_CODE_LENGTH } from './limits';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** The largest multiple of the alphabet's size below 256: bytes from here on are redrawn, so no symbol is likelier. */
const UNBIASED_BYTE_LIMIT = 256 - (256 % ALPHABET.length);

/** One code of a set, as stored: its keyed hash, and when it was used. */
export interface StoredRecoveryCode {
  hash: string;
  usedAt: number | null;
}

/** 10 characters from a CSPRNG, each of 36 symbols with equal chance: about 51.7 bits. */
function randomCode(ctx: DomainContext): string {
  let code = '';
  while (code.length < RECOVERY_CODE_LENGTH) {
    for (const byte of ctx.randomBytes(RECOVERY_CODE_LENGTH)) {
      if (byte < UNBIASED_BYTE_LIMIT && code.length < RECOVERY_CODE_LENGTH) {
        code += ALPHABET[byte % ALPHABET.length];
      }
    }
  }
  return code;
}

/** How a code is shown and printed: `xxxxx-xxxxx`. */
export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * RECOVERY-2: what a typed code means. Dashes, spaces and case do not matter;
 * anything but the ten ASCII letters and digits (a full-width or look-alike
 * letter, say) makes it no code at all, rather than being folded into one.
 */
export function normalizeRecoveryCode(input: string): string | null {
  const compact = input.replace(/[\s-]/g, '');
  return new RegExp(`^[A-Za-z0-9]{${RECOVERY_CODE_LENGTH}}$`).test(compact)
    ? compact.toLowerCase()
    : null;
}

/**
 * A keyed hash (HMAC-SHA256 under a server key), bound to the account, so a
 * code is worth nothing to another account and a copy of the store without the
 * key reveals nothing.
 */
export function recoveryCodeHash(keyHex: string, accountId: string, code: string): string {
  return bytesToHex(hmac(sha256, hexToBytes(keyHex), utf8ToBytes(`${accountId}:${code}`)));
}

/** A new set; the caller stores the hashes and shows the codes once. */
export function newRecoveryCodeSet(
  ctx: DomainContext,
  keyHex: string,
  accountId: string,
): { codes: string[]; stored: StoredRecoveryCode[] } {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(randomCode(ctx));
  return {
    codes: [...codes].map(formatRecoveryCode),
    stored: [...codes].map((code) => ({
      hash: recoveryCodeHash(keyHex, accountId, code),
      usedAt: null,
    })),
  };
}

/**
 * Uses a code of the set if it is one of the unused ones; returns whether it
 * was. Every unused code is compared, in equal time, whatever matches.
 */
export function redeemRecoveryCode(
  stored: StoredRecoveryCode[],
  keyHex: string,
  accountId: string,
  input: string,
  now: number,
): boolean {
  const code = normalizeRecoveryCode(input);
  if (code === null) return false;
  const hash = recoveryCodeHash(keyHex, accountId, code);
  let match: StoredRecoveryCode | null = null;
  for (const candidate of stored) {
    if (digestsEqual(candidate.hash, hash) && candidate.usedAt === null) match = candidate;
  }
  if (match) match.usedAt = now;
  return match !== null;
}

export function recoveryCodesLeft(stored: readonly StoredRecoveryCode[]): number {
  return stored.filter((code) => code.usedAt === null).length;
}
