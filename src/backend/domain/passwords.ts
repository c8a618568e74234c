import { digestsEqual } from './encoding';

/** A password as stored: a salt, and the PBKDF2-SHA256 hash of the password with it. */
export interface PasswordHash {
  readonly salt: string;
  readonly hash: string;
}

/**
 * Spent on unknown emails so that a wrong email costs the same time as a wrong
 * password and the answer reveals nothing about which accounts exist.
 */
export const DECOY_PASSWORD_HASH: PasswordHash = {
  salt: 'decoy',
  hash: '0'.repeat(64),
};

/**
 * GUARD-7, second transaction of a login (the first is loginSaltFor, in accounts.ts): whether a hash made off the transaction is the stored
 * one. A password changed in between has another salt, and does not match.
 */
export function hashMatches(typed: PasswordHash, stored: PasswordHash): boolean {
  return typed.salt === stored.salt && digestsEqual(typed.hash, stored.hash);
}
