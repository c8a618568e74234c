import { PASSWORD_HASH_ITERATIONS } from './domain/limits';
import type { PasswordHash } from './domain/passwords';

const encoder = new TextEncoder();
const HASH_BITS = 256;

/**
 * GUARD-7: PBKDF2-SHA256 through WebCrypto, which the browser runs off the
 * page's main thread, so hashing never blocks the page. It is asynchronous, so
 * it happens between transactions, never inside one (docs/decisions/0007).
 */
export async function hashPassword(password: string, salt: string): Promise<PasswordHash> {
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
}
