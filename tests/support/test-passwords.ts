import type { ServerState } from '@/backend/domain/state';
import { createWebCryptoHasher } from '@/backend/password-hashing';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedState } from '@/backend/seed';

/**
 * PBKDF2 rounds of the tests' hasher: a login costs a fraction of a
 * millisecond instead of 100,000 rounds, and the rules cannot tell. The
 * production cost is tested once, in password-hashing.test.ts.
 */
export const TEST_PASSWORD_ITERATIONS = 1_000;

/** The mock's hasher at the tests' cost: its salts name that cost. */
export const testPasswordHasher = createWebCryptoHasher(TEST_PASSWORD_ITERATIONS);

/** The demo password of each seeded account, hashed once per test file at the tests' cost. */
const demoPasswords = new Map(
  await Promise.all(
    DEMO_ACCOUNTS.map(
      async ({ id }) =>
        [
          id,
          await testPasswordHasher.hash(DEMO_PASSWORD, testPasswordHasher.newSalt(`seed:${id}`)),
        ] as const,
    ),
  ),
);

/** The demo seed with those cheap hashes, as the server seeds its own (seedState's second argument). */
export function testSeed(now: number): ServerState {
  return seedState(now, demoPasswords);
}
