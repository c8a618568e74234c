import { MINUTE_MS } from '@/api/limits';
import { paths } from '@/api/paths';

/** One kind of request limited per client address (SERVER-9), on top of the per-account limits. */
interface IpLimit {
  name: string;
  max: number;
  windowMs: number;
}

/** Password attempts from one address, across every account it tries. */
export const IP_LOGIN_LIMIT: IpLimit = { name: 'login', max: 30, windowMs: 10 * MINUTE_MS };
/** Dynamic and recovery codes typed from one address, across accounts. */
export const IP_CODE_LIMIT: IpLimit = { name: 'code', max: 60, windowMs: 10 * MINUTE_MS };
/** Emails with a code that one address can make the server send. */
export const IP_EMAIL_LIMIT: IpLimit = { name: 'email', max: 20, windowMs: 60 * MINUTE_MS };

/** Which POSTs of the contract each limit counts. */
const LIMITED: ReadonlyMap<string, IpLimit> = new Map([
  [paths.session.pattern, IP_LOGIN_LIMIT],
  [paths.passwordReset.pattern, IP_LOGIN_LIMIT],
  [paths.sessionMfa.pattern, IP_CODE_LIMIT],
  [paths.unbindMfa.pattern, IP_CODE_LIMIT],
  [paths.changeAuthenticator.pattern, IP_CODE_LIMIT],
  [paths.recoveryCodes.pattern, IP_CODE_LIMIT],
  [paths.enrollmentIdentity.pattern, IP_CODE_LIMIT],
  [paths.enrollmentConfirm.pattern, IP_CODE_LIMIT],
  [paths.accountPassword.pattern, IP_CODE_LIMIT],
  [paths.supportTicketUnbindMfa.pattern, IP_CODE_LIMIT],
  [paths.enrollmentEmailCode.pattern, IP_EMAIL_LIMIT],
  [paths.ticketEmailCode.pattern, IP_EMAIL_LIMIT],
  [paths.passwordResetEmailCode.pattern, IP_EMAIL_LIMIT],
]);

/**
 * Fixed windows per address and limit. Counted in the process: a server of
 * several processes multiplies the limit by their number.
 */
export function createIpLimiter(clock: () => number) {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    /** Counts one request; answers the milliseconds to wait when the address is over its limit. */
    take(address: string, method: string, route: string | null): number | null {
      const limit = method === 'POST' && route !== null ? LIMITED.get(route) : undefined;
      if (!limit) return null;
      const now = clock();
      const key = `${limit.name}:${address}`;
      let window = windows.get(key);
      if (!window || now - window.startedAt >= limit.windowMs) {
        window = { startedAt: now, count: 0 };
        windows.set(key, window);
        if (windows.size > 100_000) prune(now);
      }
      window.count += 1;
      return window.count > limit.max ? window.startedAt + limit.windowMs - now : null;
    },
  };

  function prune(now: number) {
    const longest = Math.max(
      IP_LOGIN_LIMIT.windowMs,
      IP_CODE_LIMIT.windowMs,
      IP_EMAIL_LIMIT.windowMs,
    );
    for (const [key, window] of windows) if (now - window.startedAt >= longest) windows.delete(key);
  }
}
