import { afterEach, describe, expect, it, vi } from 'vitest';
import { PASSWORD_HASH_ITERATIONS } from '@/backend/domain/limits';
import { createWebCryptoHasher, webCryptoPasswordHasher } from '@/backend/password-hashing';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoSalt } from '@/backend/seed';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The rounds each call to WebCrypto's PBKDF2 was asked for. */
function roundsAsked(derive: { mock: { calls: unknown[][] } }): unknown[] {
  return derive.mock.calls.map((call) => (call[0] as { iterations: number }).iterations);
}

describe("the browser's password hasher (GUARD-7)", () => {
  it("runs the mock at production's cost: new passwords and the seed's at 100,000 rounds or more", async () => {
    const derive = vi.spyOn(crypto.subtle, 'deriveBits');
    const salt = webCryptoPasswordHasher.newSalt('r4nd0m');
    await webCryptoPasswordHasher.hash('a password', salt);
    await webCryptoPasswordHasher.hash(DEMO_PASSWORD, demoSalt('acc_owner'));

    expect(derive.mock.calls[0]?.[0]).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256' });
    expect(roundsAsked(derive)).toEqual([PASSWORD_HASH_ITERATIONS, PASSWORD_HASH_ITERATIONS]);
    // OWASP's floor for PBKDF2-SHA256 in a browser demo; the server uses scrypt (SERVER-4).
    expect(PASSWORD_HASH_ITERATIONS).toBeGreaterThanOrEqual(100_000);
  });

  it("makes the seed's stored hash of the demo password", async () => {
    const [owner] = DEMO_ACCOUNTS;
    const made = await webCryptoPasswordHasher.hash(DEMO_PASSWORD, demoSalt(owner.id));
    expect(made.hash).toBe(owner.passwordHash);
  });

  it('names its cost in a new salt, and checks a hash by the cost its salt names', async () => {
    const cheap = createWebCryptoHasher(1_000);
    const salt = cheap.newSalt('r4nd0m');
    expect(salt).toBe('pbkdf2$1000$r4nd0m');
    const stored = await cheap.hash('a password', salt);

    const derive = vi.spyOn(crypto.subtle, 'deriveBits');
    // A hasher at another cost still checks the older hash the way it was made.
    expect(await webCryptoPasswordHasher.hash('a password', salt)).toEqual(stored);
    expect(roundsAsked(derive)).toEqual([1_000]);
  });

  it('hashes a salt that names no cost, or a broken one, at the production cost', async () => {
    const derive = vi.spyOn(crypto.subtle, 'deriveBits');
    const cheap = createWebCryptoHasher(1_000);
    await cheap.hash('a password', 'decoy');
    await cheap.hash('a password', 'pbkdf2$0$r4nd0m');
    await cheap.hash('a password', 'pbkdf2$many$r4nd0m');
    expect(roundsAsked(derive)).toEqual([
      PASSWORD_HASH_ITERATIONS,
      PASSWORD_HASH_ITERATIONS,
      PASSWORD_HASH_ITERATIONS,
    ]);
  });
});
