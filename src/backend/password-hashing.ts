import { PASSWORD_HASH_ITERATIONS } from './domain/limits';
import type { PasswordHash } from './domain/passwords';

/**
 * GUARD-7, SERVER-4: how a host hashes passwords, always off the transaction
 * (and off the page's or the server's main thread). The salt names the scheme
 * and cost it was made for, so a stored hash is checked the way it was made.
 */
export interface PasswordHasher {
  /** The hash of `password` with `salt`, by the scheme and cost the salt names. */
  hash(password: string, salt: string): Promise<PasswordHash>;
  /** The salt of a new password, made from fresh random text: it names this host's scheme. */
  newSalt(random: string): string;
}

const encoder = new TextEncoder();
const HASH_BITS = 256;

/**
 * The browser's hasher: PBKDF2-SHA256 through WebCrypto, which the browser
 * runs off the page's main thread, so hashing never blocks the page
 * (docs/decisions/0007).
 */
export const webCryptoPasswordHasher: PasswordHasher = {
  async hash(password, salt) {
    const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, [
      'deriveBits',
    ]);
    const bits = await crypto.subtle.deriveBits(
      {
        name: 'PBKDF2',
        hash: 'SHA-256',
        salt: encoder.encode(salt),
        iterations: PASSWORD_HASH_ITERATIONS,
      },
      key,
      HASH_BITS,
    );
    let hash = '';
    for (const byte of new Uint8Array(bits)) hash += byte.toString(16).padStart(2, '0');
    return { salt, hash };
  },
  newSalt: (random) => random,
};

/** The browser's hash of a password: what the demo seed's hashes were made with. */
export function hashPassword(password: string, salt: string): Promise<PasswordHash> {
  return webCryptoPasswordHasher.hash(password, salt);
}
