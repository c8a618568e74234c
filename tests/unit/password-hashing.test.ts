import { afterEach, describe, expect, it, vi } from 'vitest';
import { PASSWORD_HASH_ITERATIONS } from '@/backend/domain/limits';
import { webCryptoPasswordHasher } from '@/backend/password-hashing';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoSalt } from '@/backend/seed';

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the browser's password hasher (GUARD-7)", () => {
  it('is WebCrypto PBKDF2-SHA256 at the named number of rounds', async () => {
    const derive = vi.spyOn(crypto.subtle, 'deriveBits');
    await webCryptoPasswordHasher.hash('a password', 'salt');

    expect(derive).toHaveBeenCalledTimes(1);
    expect(derive.mock.calls[0]?.[0]).toMatchObject({
      name: 'PBKDF2',
      hash: 'SHA-256',
      iterations: PASSWORD_HASH_ITERATIONS,
    });
  });

  it("makes the seed's stored hash of the demo password", async () => {
    const [owner] = DEMO_ACCOUNTS;
    const made = await webCryptoPasswordHasher.hash(DEMO_PASSWORD, demoSalt(owner.id));
    expect(made.hash).toBe(owner.passwordHash);
  });

  it('uses a new salt as it is', () => {
    expect(webCryptoPasswordHasher.newSalt('r4nd0m')).toBe('r4nd0m');
  });
});
