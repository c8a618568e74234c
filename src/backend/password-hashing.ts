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
const SCHEME = 'pbkdf2';

/** The salt of a new password names its rounds, so a change of cost leaves old hashes checkable. */
function saltOf(iterations: number, random: string): string {
  return `${SCHEME}$${iterations}$${random}`;
}

/**
 * The rounds a salt was made with. A salt that names no scheme (the seed's,
 * the login's decoy, every password set before salts named their cost) was
 * made at PASSWORD_HASH_ITERATIONS.
 */
function iterationsOf(salt: string): number {
  const [scheme, rounds] = salt.split('$');
  const named = Number(rounds);
  return scheme === SCHEME && Number.isSafeInteger(named) && named > 0
    ? named
    : PASSWORD_HASH_ITERATIONS;
}

/**
 * The browser's hasher: PBKDF2-SHA256 through WebCrypto, which the browser
 * runs off the page's main thread, so hashing never blocks the page
 * (docs/decisions/0007, 0015). `iterations` is the cost of new passwords:
 * the mock runs at PASSWORD_HASH_ITERATIONS; tests pass a cheap one, as the
 * server's tests pass a cheap scrypt.
 */
export function createWebCryptoHasher(
  iterations: number = PASSWORD_HASH_ITERATIONS,
): PasswordHasher {
  return {
    async hash(password, salt) {
      const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, [
        'deriveBits',
      ]);
      const bits = await crypto.subtle.deriveBits(
        {
          name: 'PBKDF2',
          hash: 'SHA-256',
          salt: encoder.encode(salt),
          iterations: iterationsOf(salt),
        },
        key,
        HASH_BITS,
      );
      let hash = '';
      for (const byte of new Uint8Array(bits)) hash += byte.toString(16).padStart(2, '0');
      return { salt, hash };
    },
    newSalt: (random) => saltOf(iterations, random),
  };
}

/** The mock's hasher, at the production cost. */
export const webCryptoPasswordHasher: PasswordHasher = createWebCryptoHasher();

/** The browser's hash of a password: what the demo seed's hashes were made with. */
export function hashPassword(password: string, salt: string): Promise<PasswordHash> {
  return webCryptoPasswordHasher.hash(password, salt);
}
