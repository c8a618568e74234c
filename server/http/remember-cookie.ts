import { REMEMBER_COOKIE, REMEMBER_COOKIE_MAX_AGE_SECONDS } from '@/backend/handlers/remember-jar';
import type { SessionJar } from '@/backend/handlers/session-jar';
import { signedJar } from './session-cookie';

/** Over plain-http localhost the `__Host-` prefix and Secure cannot be had (ADR 0023). */
export const LOCAL_REMEMBER_COOKIE = 'grb';

/**
 * REMEMBER-1: the remembered-browser cookie, signed like the session's and
 * HttpOnly, for 30 days. SameSite=Strict: only a login typed on this origin
 * needs it, never a request another site starts (ADR 0032).
 */
export function signedRememberJar(options: { secure: boolean; secret: string }): SessionJar {
  return signedJar({
    name: options.secure ? REMEMBER_COOKIE : LOCAL_REMEMBER_COOKIE,
    attributes: `Path=/; ${options.secure ? 'Secure; ' : ''}HttpOnly; SameSite=Strict`,
    secret: options.secret,
    maxAgeSeconds: REMEMBER_COOKIE_MAX_AGE_SECONDS,
  });
}
