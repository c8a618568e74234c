import { HOTP, Secret, TOTP, URI } from 'otpauth';
import { describe, expect, it } from 'vitest';
import type { DomainContext } from '@/backend/domain/context';
import { cryptoRandomBytes } from '@/backend/domain/context';
import { codeAt, generateSecret, matchingStep, otpauthUri, stepAt } from '@/backend/domain/totp';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import { START_MS } from '../support/fake-clock';

/** RFC 6238 Appendix B: the seeds, one per hash, as ASCII. */
const SEEDS = {
  SHA1: '12345678901234567890',
  SHA256: '12345678901234567890123456789012',
  SHA512: '1234567890123456789012345678901234567890123456789012345678901234',
} as const;

type Algorithm = keyof typeof SEEDS;

/** RFC 6238 Appendix B: [Unix time in seconds, algorithm, 8-digit TOTP]. */
const RFC6238_VECTORS: ReadonlyArray<readonly [number, Algorithm, string]> = [
  [59, 'SHA1', '94287082'],
  [59, 'SHA256', '46119246'],
  [59, 'SHA512', '90693936'],
  [1111111109, 'SHA1', '07081804'],
  [1111111109, 'SHA256', '68084774'],
  [1111111109, 'SHA512', '25091201'],
  [1111111111, 'SHA1', '14050471'],
  [1111111111, 'SHA256', '67062674'],
  [1111111111, 'SHA512', '99943326'],
  [1234567890, 'SHA1', '89005924'],
  [1234567890, 'SHA256', '91819424'],
  [1234567890, 'SHA512', '93441116'],
  [2000000000, 'SHA1', '69279037'],
  [2000000000, 'SHA256', '90698825'],
  [2000000000, 'SHA512', '38618901'],
  [20000000000, 'SHA1', '65353130'],
  [20000000000, 'SHA256', '77737706'],
  [20000000000, 'SHA512', '47863826'],
];

/** RFC 4226 Appendix D: the HOTP values for counters 0..9 of the SHA1 seed. */
const RFC4226_VALUES = [
  '755224',
  '287082',
  '359152',
  '969429',
  '338314',
  '254676',
  '287922',
  '162583',
  '399871',
  '520489',
];

const RFC_SHA1_SECRET_BASE32 = Secret.fromLatin1(SEEDS.SHA1).base32;

/** The current step in the tests below: START_MS is the first millisecond of a step. */
const T = stepAt(START_MS);

function contextWith(randomBytes: (length: number) => Uint8Array): DomainContext {
  return { now: START_MS, randomBytes };
}

describe('otpauth computes the RFC 6238 Appendix B vectors', () => {
  it('has the seeds of the lengths the RFC uses', () => {
    expect(Secret.fromLatin1(SEEDS.SHA1).bytes).toHaveLength(20);
    expect(Secret.fromLatin1(SEEDS.SHA256).bytes).toHaveLength(32);
    expect(Secret.fromLatin1(SEEDS.SHA512).bytes).toHaveLength(64);
  });

  it.each(RFC6238_VECTORS)('T = %i s, %s: TOTP.generate gives %s', (seconds, algorithm, code) => {
    const generated = TOTP.generate({
      secret: Secret.fromLatin1(SEEDS[algorithm]),
      algorithm,
      digits: 8,
      period: 30,
      timestamp: seconds * 1000,
    });

    expect(generated).toBe(code);
  });

  it.each(RFC6238_VECTORS)(
    'T = %i s, %s: HOTP.generate at counter floor(T / 30) gives %s',
    (seconds, algorithm, code) => {
      const generated = HOTP.generate({
        secret: Secret.fromUTF8(SEEDS[algorithm]),
        algorithm,
        digits: 8,
        counter: Math.floor(seconds / 30),
      });

      expect(generated).toBe(code);
    },
  );
});

describe('codeAt (the product verifier)', () => {
  it.each(RFC4226_VALUES.map((code, counter) => [counter, code] as const))(
    'gives the RFC 4226 Appendix D value at counter %i: %s',
    (counter, code) => {
      expect(codeAt(RFC_SHA1_SECRET_BASE32, counter)).toBe(code);
    },
  );

  it.each(RFC6238_VECTORS.filter(([, algorithm]) => algorithm === 'SHA1'))(
    'gives the last 6 digits of the RFC 6238 SHA1 vector at T = %i s',
    (seconds, _algorithm, code) => {
      expect(codeAt(RFC_SHA1_SECRET_BASE32, stepAt(seconds * 1000))).toBe(code.slice(-6));
    },
  );

  it('agrees with what an authenticator app computes for bob at the current time', () => {
    const app = new TOTP({ secret: Secret.fromBase32(BOB_TOTP_SECRET) });

    expect(codeAt(BOB_TOTP_SECRET, T)).toBe(app.generate({ timestamp: START_MS }));
    expect(codeAt(BOB_TOTP_SECRET, T + 1)).toBe(app.generate({ timestamp: START_MS + 30_000 }));
  });
});

describe('stepAt', () => {
  it('counts 30-second steps since the epoch', () => {
    expect(stepAt(0)).toBe(0);
    expect(stepAt(29_999)).toBe(0);
    expect(stepAt(30_000)).toBe(1);
    expect(stepAt(59_000)).toBe(1);
    expect(stepAt(1_111_111_109_000)).toBe(37_037_036);
    expect(stepAt(START_MS + 29_999)).toBe(T);
    expect(stepAt(START_MS + 30_000)).toBe(T + 1);
  });
});

describe('matchingStep (MOCK-3)', () => {
  const codeOf = (step: number) => codeAt(BOB_TOTP_SECRET, step);

  it('has codes that differ across the steps these tests use', () => {
    const codes = [-2, -1, 0, 1, 2].map((delta) => codeOf(T + delta));

    expect(new Set(codes).size).toBe(5);
  });

  it.each([-1, 0, 1])('accepts the code of step T%+i and names that step', (delta) => {
    expect(matchingStep(BOB_TOTP_SECRET, codeOf(T + delta), START_MS, null)).toBe(T + delta);
  });

  it.each([-2, 2, -3, 3])('refuses the code of step T%+i', (delta) => {
    expect(matchingStep(BOB_TOTP_SECRET, codeOf(T + delta), START_MS, null)).toBeNull();
  });

  it('uses the step of `now`: the code of T + 1 passes until the last ms of T + 2', () => {
    const code = codeOf(T + 1);

    expect(matchingStep(BOB_TOTP_SECRET, code, START_MS + 90_000 - 1, null)).toBe(T + 1);
    expect(matchingStep(BOB_TOTP_SECRET, code, START_MS + 90_000, null)).toBeNull();
  });

  it('refuses a wrong code', () => {
    const wrong = ['000000', '111111', '999999'].find(
      (code) => ![-1, 0, 1].some((delta) => codeOf(T + delta) === code),
    );

    expect(wrong).toBeDefined();
    expect(matchingStep(BOB_TOTP_SECRET, wrong ?? '', START_MS, null)).toBeNull();
  });

  it('refuses the code of a different secret', () => {
    const other = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

    expect(matchingStep(BOB_TOTP_SECRET, codeAt(other, T), START_MS, null)).toBeNull();
  });

  it('never accepts the last used step again (replay)', () => {
    expect(matchingStep(BOB_TOTP_SECRET, codeOf(T), START_MS, T)).toBeNull();
  });

  it('never accepts a step before the last used one, even inside the window', () => {
    expect(matchingStep(BOB_TOTP_SECRET, codeOf(T - 1), START_MS, T)).toBeNull();
    expect(matchingStep(BOB_TOTP_SECRET, codeOf(T - 1), START_MS, T - 1)).toBeNull();
  });

  it('accepts a later step than the last used one', () => {
    expect(matchingStep(BOB_TOTP_SECRET, codeOf(T + 1), START_MS, T)).toBe(T + 1);
    expect(matchingStep(BOB_TOTP_SECRET, codeOf(T), START_MS, T - 1)).toBe(T);
  });

  it.each([
    ['5 digits', (code: string) => code.slice(0, 5)],
    ['7 digits', (code: string) => `${code}0`],
    ['8 digits', (code: string) => `${code}00`],
    ['a letter', (code: string) => `${code.slice(0, 5)}a`],
    ['a space inside', (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`],
    ['a dash inside', (code: string) => `${code.slice(0, 3)}-${code.slice(3)}`],
    ['a leading space', (code: string) => ` ${code}`],
    ['a trailing newline', (code: string) => `${code}\n`],
    [
      'full-width digits',
      (code: string) => code.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
    ],
    ['nothing', () => ''],
  ])('refuses the right code with %s', (_label, mangle) => {
    expect(matchingStep(BOB_TOTP_SECRET, mangle(codeOf(T)), START_MS, null)).toBeNull();
  });
});

describe('generateSecret (BIND-5)', () => {
  it('makes 160 bits, written as 32 base32 characters', () => {
    const secret = generateSecret(contextWith(cryptoRandomBytes));

    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(Secret.fromBase32(secret).bytes).toHaveLength(20);
  });

  it('makes a different secret on each call', () => {
    const secrets = Array.from({ length: 20 }, () =>
      generateSecret(contextWith(cryptoRandomBytes)),
    );

    expect(new Set(secrets).size).toBe(20);
  });

  it('draws its 20 bytes from the injected random source, not from anywhere else', () => {
    const asked: number[] = [];
    const bytes = Uint8Array.from({ length: 20 }, (_, i) => i * 13);
    const secret = generateSecret(
      contextWith((length) => {
        asked.push(length);
        return bytes;
      }),
    );

    expect(asked).toEqual([20]);
    expect(Array.from(Secret.fromBase32(secret).bytes)).toEqual(Array.from(bytes));
  });
});

describe('otpauthUri (BIND-2)', () => {
  function parse(uri: string) {
    const url = new URL(uri);
    return {
      protocol: url.protocol,
      type: url.host,
      label: url.pathname,
      params: Object.fromEntries(url.searchParams),
      keys: [...url.searchParams.keys()].sort(),
    };
  }

  it('is an otpauth://totp URI with the issuer, the secret and the parameters', () => {
    const uri = otpauthUri(BOB_TOTP_SECRET, 'bob@example.com');

    expect(uri.startsWith('otpauth://totp/Guance:bob%40example.com?')).toBe(true);
    const parsed = parse(uri);
    expect(parsed.protocol).toBe('otpauth:');
    expect(parsed.type).toBe('totp');
    expect(parsed.label).toBe('/Guance:bob%40example.com');
    expect(decodeURIComponent(parsed.label)).toBe('/Guance:bob@example.com');
    expect(parsed.params).toEqual({
      secret: BOB_TOTP_SECRET,
      issuer: 'Guance',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
    expect(parsed.keys).toEqual(['algorithm', 'digits', 'issuer', 'period', 'secret']);
  });

  it('URL-encodes the email in the label', () => {
    const uri = otpauthUri(BOB_TOTP_SECRET, 'a b+c/d?e#f:g@example.com');

    const label = parse(uri).label;
    expect(label).toBe('/Guance:a%20b%2Bc%2Fd%3Fe%23f%3Ag%40example.com');
    expect(decodeURIComponent(label.slice('/Guance:'.length))).toBe('a b+c/d?e#f:g@example.com');
    expect(parse(uri).params.secret).toBe(BOB_TOTP_SECRET);
  });

  it('gives a URI an authenticator app turns back into the same codes', () => {
    const secret = generateSecret(contextWith(cryptoRandomBytes));

    const app = URI.parse(otpauthUri(secret, 'alice@example.com'));

    expect(app).toBeInstanceOf(TOTP);
    expect(app).toMatchObject({ issuer: 'Guance', label: 'alice@example.com' });
    expect(app.generate({ timestamp: START_MS })).toBe(codeAt(secret, T));
    expect(app.generate({ timestamp: START_MS + 30_000 })).toBe(codeAt(secret, T + 1));
  });
});
