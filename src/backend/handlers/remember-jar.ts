import type { SessionJar } from './session-jar';

/** REMEMBER-1: the remembered-browser cookie's name over HTTPS, pinned to this origin. */
export const REMEMBER_COOKIE = '__Host-grb';
/** The cookie outlives the browser's restarts for as long as the server honours the token. */
export const REMEMBER_COOKIE_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const COOKIE_ATTRIBUTES = 'Path=/; Secure; HttpOnly; SameSite=Strict';

/**
 * What a real server does: an HttpOnly cookie for 30 days. SameSite=Strict,
 * since only this origin's own login request ever needs it. Used by API tests.
 */
export const rememberCookieJar: SessionJar = {
  read(request) {
    for (const part of (request.headers.get('Cookie') ?? '').split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name === REMEMBER_COOKIE) return decodeURIComponent(value.join('='));
    }
    return null;
  },
  write(headers, token) {
    headers.append(
      'Set-Cookie',
      token === null
        ? `${REMEMBER_COOKIE}=; ${COOKIE_ATTRIBUTES}; Max-Age=0`
        : `${REMEMBER_COOKIE}=${encodeURIComponent(token)}; ${COOKIE_ATTRIBUTES}; Max-Age=${REMEMBER_COOKIE_MAX_AGE_SECONDS}`,
    );
  },
};

/**
 * The in-browser server remembers a browser per browser profile, as a
 * cookie would: localStorage is shared by every tab of the origin and
 * survives closing them, while sessions stay per tab (ADR 0003, ADR 0032).
 */
export function profileJar(storage: Storage): SessionJar {
  const key = 'mock-server:remembered-browser';
  return {
    read: () => storage.getItem(key),
    write: (_headers, token) => {
      if (token === null) storage.removeItem(key);
      else storage.setItem(key, token);
    },
  };
}
