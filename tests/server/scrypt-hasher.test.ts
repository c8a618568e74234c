import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createScryptHasher, PRODUCTION_SCRYPT_COST } from '../../server/passwords/scrypt-hasher';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

describe("the server's password hasher (SERVER-4)", () => {
  it('is scrypt at the cost the salt names, which a new salt records', async () => {
    const hasher = createScryptHasher(CHEAP);
    const salt = hasher.newSalt('r4nd0m');
    const made = await hasher.hash('a password', salt);

    expect(salt).toBe('scrypt$1024$8$1$r4nd0m');
    expect(made).toEqual({
      salt,
      hash: scryptSync('a password', salt, 32, CHEAP).toString('hex'),
    });
  });

  it('checks a hash made at an older cost by that cost, whatever the current one', async () => {
    const older = createScryptHasher(CHEAP);
    const salt = older.newSalt('r4nd0m');
    const stored = await older.hash('a password', salt);

    const current = createScryptHasher({ N: 2 ** 11, r: 8, p: 1 });
    expect(await current.hash('a password', salt)).toEqual(stored);
  });

  it("hashes a salt of no scheme (the login's decoy) at the current cost", async () => {
    const hasher = createScryptHasher(CHEAP);
    const decoy = await hasher.hash('a password', 'decoy');
    expect(decoy.hash).toBe(scryptSync('a password', 'decoy', 32, CHEAP).toString('hex'));
  });
});

describe("the server's production cost", () => {
  it('is what a hasher made without a cost uses, as server/main.ts makes it', () => {
    const salt = createScryptHasher().newSalt('r4nd0m');
    const { N, r, p } = PRODUCTION_SCRYPT_COST;
    expect(salt).toBe(`scrypt$${N}$${r}$${p}$r4nd0m`);
    // At least OWASP's 2^15 x 8 (32 MiB); tests run at 2^10 through createScryptHasher(cost).
    expect(128 * N * r).toBeGreaterThanOrEqual(32 * 1024 * 1024);
  });
});
