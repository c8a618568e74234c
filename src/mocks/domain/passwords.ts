import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { digestsEqual } from './encoding';
import { PASSWORD_HASH_ITERATIONS } from './limits';

export interface PasswordHash {
  readonly salt: string;
  readonly hash: string;
}

export function hashPassword(password: string, salt: string): PasswordHash {
  const derived = pbkdf2(sha256, password, salt, { c: PASSWORD_HASH_ITERATIONS, dkLen: 32 });
  return { salt, hash: bytesToHex(derived) };
}

export function passwordMatches(password: string, stored: PasswordHash): boolean {
  return digestsEqual(hashPassword(password, stored.salt).hash, stored.hash);
}

/**
 * Spent on unknown emails so that a wrong email costs the same time as a wrong
 * password and the answer reveals nothing about which accounts exist.
 */
export const DECOY_PASSWORD_HASH: PasswordHash = {
  salt: 'decoy',
  hash: '0'.repeat(64),
};
