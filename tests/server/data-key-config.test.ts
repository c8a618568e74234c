import { describe, expect, it } from 'vitest';
import { ConfigError, configFrom, DATA_KEY_BYTES } from '../../server/config';

/** ADR 0028: the key that seals TOTP secrets comes from DATA_KEY, required in production. */

const secret = () => 'a-random-cookie-secret-for-these-tests-0123';
const PRODUCTION = {
  NODE_ENV: 'production',
  PUBLIC_ORIGIN: 'https://console.example.com',
  SMTP_URL: 'smtp://mail.example.com:587',
  COOKIE_SECRET: secret(),
};
const KEY = Buffer.alloc(DATA_KEY_BYTES, 5).toString('base64');

describe('DATA_KEY', () => {
  it('is required in production, and the refusal names it', () => {
    expect(() => configFrom(PRODUCTION, secret)).toThrow(ConfigError);
    expect(() => configFrom(PRODUCTION, secret)).toThrow(/^DATA_KEY .* in production/);
  });

  it.each([
    ['too short', Buffer.alloc(16, 5).toString('base64')],
    ['not base64', 'not a key at all!'],
  ])('is refused when %s, without echoing it', (_case, value) => {
    const attempt = () => configFrom({ ...PRODUCTION, DATA_KEY: value }, secret);
    expect(attempt).toThrow(/^DATA_KEY must be 32 random bytes in base64/);
    expect(attempt).not.toThrow(value);
  });

  it('gives the 32 bytes it names', () => {
    const config = configFrom({ ...PRODUCTION, DATA_KEY: KEY }, secret);
    expect(Buffer.from(config.dataKey ?? []).toString('base64')).toBe(KEY);
  });

  it('is left to the demo, which keeps a key of its own', () => {
    expect(configFrom({}, secret).dataKey).toBeNull();
  });
});
