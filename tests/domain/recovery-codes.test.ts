import { describe, expect, it } from 'vitest';
import { cryptoRandomBytes, type DomainContext } from '@/backend/domain/context';
import {
  newRecoveryCodeSet,
  normalizeRecoveryCode,
  recoveryCodeHash,
  recoveryCodesLeft,
  redeemRecoveryCode,
} from '@/backend/domain/recovery-codes';

const KEY = 'ab'.repeat(32);
const ctx: DomainContext = {
  now: Date.parse('2026-12-01T10:00:00Z'),
  randomBytes: cryptoRandomBytes,
};

describe('recovery codes (RECOVERY-1, RECOVERY-2)', () => {
  it('makes 10 distinct codes of the form xxxxx-xxxxx from lowercase letters and digits', () => {
    const { codes, stored } = newRecoveryCodeSet(ctx, KEY, 'acc_alice');
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
    expect(stored).toHaveLength(10);
    expect(recoveryCodesLeft(stored)).toBe(10);
  });

  it('stores only keyed hashes, never a code', () => {
    const { codes, stored } = newRecoveryCodeSet(ctx, KEY, 'acc_alice');
    const kept = JSON.stringify(stored);
    for (const code of codes) {
      expect(kept).not.toContain(code);
      expect(kept).not.toContain(code.replace('-', ''));
    }
    expect(stored[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('draws every symbol about as often (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (let set = 0; set < 200; set++) {
      for (const code of newRecoveryCodeSet(ctx, KEY, 'acc').codes) {
        for (const symbol of code.replace('-', ''))
          counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
      }
    }
    expect(counts.size).toBe(36);
    const expected = (200 * 10 * 10) / 36;
    for (const count of counts.values())
      expect(Math.abs(count - expected) / expected).toBeLessThan(0.25);
  });

  it.each([
    ['abcde-12345', 'abcde12345'],
    ['ABCDE-12345', 'abcde12345'],
    [' abcde 12345 ', 'abcde12345'],
    ['ab-cd-e1-23-45', 'abcde12345'],
  ])('reads %j as %j', (input, normalized) => {
    expect(normalizeRecoveryCode(input)).toBe(normalized);
  });

  it.each([
    ['9 characters', 'abcde-1234'],
    ['11 characters', 'abcde-123456'],
    ['a full-width letter', 'ａbcde-12345'],
    ['a Kelvin sign for k', '\u212Abcde-12345'],
    ['a Cyrillic a', '\u0430bcde-12345'],
    ['punctuation', 'abcde_12345'],
    ['nothing', ''],
  ])('refuses %s', (_, input) => {
    expect(normalizeRecoveryCode(input)).toBeNull();
  });

  it('takes each code once, in any spelling, and leaves the others', () => {
    const { codes, stored } = newRecoveryCodeSet(ctx, KEY, 'acc_alice');
    const code = codes[3]!;
    expect(redeemRecoveryCode(stored, KEY, 'acc_alice', code.toUpperCase(), ctx.now)).toBe(true);
    expect(redeemRecoveryCode(stored, KEY, 'acc_alice', code, ctx.now)).toBe(false);
    expect(recoveryCodesLeft(stored)).toBe(9);
    expect(stored.filter((entry) => entry.usedAt === ctx.now)).toHaveLength(1);
  });

  it("refuses another account's code and a code under another key", () => {
    const alice = newRecoveryCodeSet(ctx, KEY, 'acc_alice');
    const bob = newRecoveryCodeSet(ctx, KEY, 'acc_bob');
    expect(redeemRecoveryCode(alice.stored, KEY, 'acc_alice', bob.codes[0]!, ctx.now)).toBe(false);
    expect(recoveryCodeHash(KEY, 'acc_alice', 'abcde12345')).not.toBe(
      recoveryCodeHash('cd'.repeat(32), 'acc_alice', 'abcde12345'),
    );
    expect(recoveryCodeHash(KEY, 'acc_alice', 'abcde12345')).not.toBe(
      recoveryCodeHash(KEY, 'acc_bob', 'abcde12345'),
    );
    expect(recoveryCodesLeft(alice.stored)).toBe(10);
  });
});
