import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SessionJar } from '@/backend/handlers/session-jar';

/**
 * SERVER-3: the session id travels only in an HttpOnly, SameSite=Lax cookie.
 * Over HTTPS it is `__Host-` and Secure, which pins it to this exact origin;
 * plain-http localhost, where browsers refuse a Secure cookie from curl and
 * tests alike, is the one exception (docs/api.md).
 */
export const SECURE_SESSION_COOKIE = '__Host-gsid';
export const LOCAL_SESSION_COOKIE = 'gsid';

const SIGNATURE_BYTES = 16;

function signatureOf(secret: string, token: string): Buffer {
  return createHmac('sha256', secret).update(token).digest().subarray(0, SIGNATURE_BYTES);
}

/**
 * The server's jar: the cookie carries the token and an HMAC of it under the
 * server's COOKIE_SECRET, so a cookie the server never issued is turned away
 * before the database is asked. Only the token's hash is stored (SESSION).
 */
export function signedCookieJar(options: { secure: boolean; secret: string }): SessionJar & {
  name: string;
} {
  return signedJar({
    name: options.secure ? SECURE_SESSION_COOKIE : LOCAL_SESSION_COOKIE,
    attributes: `Path=/; ${options.secure ? 'Secure; ' : ''}HttpOnly; SameSite=Lax`,
    secret: options.secret,
  });
}

/**
 * A signed cookie under one name and attributes; `maxAgeSeconds` makes it
 * outlive the browser's session (REMEMBER-1's cookie).
 */
export function signedJar(options: {
  name: string;
  attributes: string;
  secret: string;
  maxAgeSeconds?: number;
}): SessionJar & { name: string } {
  const { name, attributes, secret } = options;
  const lifetime = options.maxAgeSeconds === undefined ? '' : `; Max-Age=${options.maxAgeSeconds}`;
  return {
    name,
    read(request) {
      for (const part of (request.headers.get('Cookie') ?? '').split(';')) {
        const separator = part.indexOf('=');
        if (separator < 0 || part.slice(0, separator).trim() !== name) continue;
        const value = part.slice(separator + 1).trim();
        const dot = value.lastIndexOf('.');
        if (dot <= 0) return null;
        const token = value.slice(0, dot);
        const spelled = value.slice(dot + 1);
        const given = Buffer.from(spelled, 'base64url');
        // Base64url decoding overlooks a last character's spare bits and stray
        // characters: only the one spelling the server writes is taken.
        if (given.toString('base64url') !== spelled) return null;
        const expected = signatureOf(secret, token);
        return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
      }
      return null;
    },
    write(headers, token) {
      headers.append(
        'Set-Cookie',
        token === null
          ? `${name}=; ${attributes}; Max-Age=0`
          : `${name}=${token}.${signatureOf(secret, token).toString('base64url')}; ${attributes}${lifetime}`,
      );
    },
  };
}
