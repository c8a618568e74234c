import { describe, expect, it } from 'vitest';
import {
  createFieldSealer,
  generateSealingKey,
  importSealingKey,
  SealedFieldError,
} from '@/backend/store/field-sealer';

/** ADR 0028: the sealed format, and what must not open. */

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const PLACE = 'accounts:"acc_bob":mfa.secret';

describe('the field sealer (ADR 0028)', () => {
  it('seals to v1:<96-bit IV>:<ciphertext and tag>, with a fresh IV each time it seals', async () => {
    const key = generateSealingKey();
    const first = await createFieldSealer(() => key).seal(SECRET, PLACE);
    const second = await createFieldSealer(() => key).seal(SECRET, PLACE);

    expect(first).toMatch(/^v1:[\w-]{16}:[\w-]+$/);
    expect(first).not.toContain(SECRET);
    expect(first.split(':')[1]).not.toBe(second.split(':')[1]);
    // 20 bytes of text and GCM's 16-byte tag.
    expect(Buffer.from(first.split(':')[2] ?? '', 'base64url')).toHaveLength(SECRET.length + 16);
  });

  it('opens what it sealed, also in another process with the same key', async () => {
    const raw = new Uint8Array(32).fill(3);
    const sealed = await createFieldSealer(() => importSealingKey(raw)).seal(SECRET, PLACE);

    expect(await createFieldSealer(() => importSealingKey(raw)).open(sealed, PLACE)).toBe(SECRET);
  });

  it.each([
    ['another place', (sealed: string) => [sealed, 'accounts:"acc_owner":mfa.secret']],
    [
      'a changed tag',
      // The second-to-last character: six whole bits of the tag, where the last may carry spare ones.
      (sealed: string) => [
        `${sealed.slice(0, -2)}${sealed.at(-2) === 'A' ? 'B' : 'A'}${sealed.slice(-1)}`,
        PLACE,
      ],
    ],
    ['another format', (sealed: string) => [sealed.replace(/^v1:/, 'v2:'), PLACE]],
    ['a value in clear', () => [SECRET, PLACE]],
  ])('refuses %s', async (_case, altered) => {
    const key = generateSealingKey();
    const sealed = await createFieldSealer(() => key).seal(SECRET, PLACE);
    const [value = '', place = ''] = altered(sealed);

    await expect(createFieldSealer(() => key).open(value, place)).rejects.toThrow(SealedFieldError);
  });

  it('refuses another key', async () => {
    const sealed = await createFieldSealer(generateSealingKey).seal(SECRET, PLACE);

    await expect(createFieldSealer(generateSealingKey).open(sealed, PLACE)).rejects.toThrow(
      SealedFieldError,
    );
  });

  it('takes only a 32-byte key', () => {
    expect(() => importSealingKey(new Uint8Array(16))).toThrow(RangeError);
  });
});
