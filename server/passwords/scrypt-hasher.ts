import { scrypt } from 'node:crypto';
import type { PasswordHash } from '@/backend/domain/passwords';
import type { PasswordHasher } from '@/backend/password-hashing';
import { createSlots, HASHES_IN_FLIGHT } from './hash-slots';

/** scrypt's cost: N (CPU and memory), r (block size) and p (parallelism). */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/**
 * SERVER-4: one of the scrypt settings OWASP lists as equal to its first
 * choice (N=2^17, r=8, p=1): 32 MiB per hash, so the HASHES_IN_FLIGHT
 * logins hashing at once hold 32 MiB each. docs/api.md states it.
 */
export const PRODUCTION_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 3 };

const KEY_BYTES = 32;
const PREFIX = 'scrypt';

/** The salt of a new password names its cost, so raising the cost later leaves old hashes checkable. */
function saltOf(cost: ScryptCost, random: string): string {
  return `${PREFIX}$${cost.N}$${cost.r}$${cost.p}$${random}`;
}

/** The cost a salt names; a salt of no scheme (the login's decoy) takes the current cost. */
function costOf(salt: string, fallback: ScryptCost): ScryptCost {
  const [prefix, N, r, p] = salt.split('$');
  if (prefix !== PREFIX) return fallback;
  const cost = { N: Number(N), r: Number(r), p: Number(p) };
  return Number.isInteger(cost.N) && Number.isInteger(cost.r) && Number.isInteger(cost.p)
    ? cost
    : fallback;
}

/**
 * The server's hasher: scrypt from node:crypto, which runs in libuv's thread
 * pool, so a login never blocks the event loop; at most `hashesInFlight`
 * hashes run at once, so logins leave a CPU to the other requests.
 */
export function createScryptHasher(
  cost: ScryptCost = PRODUCTION_SCRYPT_COST,
  hashesInFlight: number = HASHES_IN_FLIGHT,
): PasswordHasher {
  const inSlot = createSlots(hashesInFlight);
  return {
    hash(password, salt) {
      const { N, r, p } = costOf(salt, cost);
      // Room for N·r·128 bytes and a little over, as scrypt asks.
      const maxmem = 256 * N * r;
      return inSlot(
        () =>
          new Promise<PasswordHash>((resolve, reject) => {
            scrypt(password, salt, KEY_BYTES, { N, r, p, maxmem }, (error, key) => {
              if (error) reject(error);
              else resolve({ salt, hash: key.toString('hex') });
            });
          }),
      );
    },
    newSalt: (random) => saltOf(cost, random),
  };
}
