/**
 * How the mock server finds the session token of a request and hands out a new
 * one. The SPA never sees the token: it travels like an HttpOnly cookie.
 */
export interface SessionJar {
  read(request: Request): string | null;
  write(headers: Headers, token: string | null): void;
}

/**
 * GUARD-1: `__Host-` pins the cookie to this exact origin (Secure, Path=/, no
 * Domain), HttpOnly keeps it from scripts, SameSite=Lax keeps it off requests
 * that other sites start, except top-level navigations, which change nothing.
 */
export const SESSION_COOKIE = '__Host-gsid';
const COOKIE_ATTRIBUTES = 'Path=/; Secure; HttpOnly; SameSite=Lax';

/** What a real server does: an HttpOnly cookie. Used by API-level tests. */
export const cookieJar: SessionJar = {
  read(request) {
    const header = request.headers.get('Cookie') ?? '';
    for (const part of header.split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name === SESSION_COOKIE) return decodeURIComponent(value.join('='));
    }
    return null;
  },
  write(headers, token) {
    headers.append(
      'Set-Cookie',
      token === null
        ? `${SESSION_COOKIE}=; ${COOKIE_ATTRIBUTES}; Max-Age=0`
        : `${SESSION_COOKIE}=${encodeURIComponent(token)}; ${COOKIE_ATTRIBUTES}`,
    );
  },
};

/**
 * The in-browser server keeps one session per tab (see docs/decisions/0003), so
 * two demo users can be signed in side by side in one browser. sessionStorage
 * survives a reload, which keeps LOGIN-7 true.
 */
export function tabJar(storage: Storage): SessionJar {
  const key = 'mock-server:session';
  return {
    read: () => storage.getItem(key),
    write: (_headers, token) => {
      if (token === null) storage.removeItem(key);
      else storage.setItem(key, token);
    },
  };
}

/** One client's jar in memory: the component tests' browser. */
export function memoryJar(): SessionJar {
  let token: string | null = null;
  return {
    read: () => token,
    write: (_headers, next) => {
      token = next;
    },
  };
}
