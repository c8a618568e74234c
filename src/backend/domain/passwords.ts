import { findAccountByEmail } from './accounts';
import { digestsEqual } from './encoding';
import type { ServerState } from './state';

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
 * GUARD-7, first transaction of a login: the salt a typed password is hashed
 * with. An unknown email gets the decoy's, and is hashed all the same.
 */
export function loginSaltFor(state: ServerState, email: string): string {
  return (findAccountByEmail(state, email)?.password ?? DECOY_PASSWORD_HASH).salt;
}

/**
 * Second transaction: whether a hash made off the transaction is the stored
 * one. A password changed in between has another salt, and does not match.
 */
export function hashMatches(typed: PasswordHash, stored: PasswordHash): boolean {
  return typed.salt === stored.salt && digestsEqual(typed.hash, stored.hash);
}
