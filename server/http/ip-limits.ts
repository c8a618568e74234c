import { MINUTE_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import type { Backend, ServerPlan } from '@/backend/backend';
import type { ServerState } from '@/backend/domain/state';

/** One kind of request limited per client address (SERVER-9), on top of the per-account limits. */
export interface IpLimit {
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

/** The address's window of one limit, and, when a window opens, those that have ended. */
const windowPlan = (limit: IpLimit, address: string): ServerPlan => ({
  pickFrom: ['addressWindows'],
  stages: [
    () => [{ from: 'addressWindows', keys: [[limit.name, address]] }],
    (view, ctx) =>
      view.addressWindows.some((window) => window.endsAt > ctx.now)
        ? []
        : [{ from: 'addressWindows', index: 'endsAt', range: { upper: ctx.now } }],
  ],
});

/**
 * Counts one request of `address` against `limit` in a fixed window, and
 * answers the milliseconds until the window ends when it is over budget. A
 * window that opens deletes those that have ended, so the table holds only
 * the windows still running.
 */
export function spendAddressBudget(
  state: ServerState,
  now: number,
  limit: IpLimit,
  address: string,
): number | null {
  state.addressWindows = state.addressWindows.filter((window) => window.endsAt > now);
  let window = state.addressWindows.find(
    (open) => open.limitName === limit.name && open.address === address,
  );
  if (!window) {
    window = {
      limitName: limit.name,
      address,
      startedAt: now,
      endsAt: now + limit.windowMs,
      count: 0,
    };
    state.addressWindows.push(window);
  }
  window.count += 1;
  return window.count > limit.max ? window.endsAt - now : null;
}

/**
 * Fixed windows per address and limit, counted in the database (SERVER-7):
 * each count is a transaction, so every process of a server spends one budget.
 */
export function createIpLimiter(backend: Backend) {
  return {
    /** Counts one request; answers the milliseconds to wait when the address is over its limit. */
    async take(address: string, method: string, route: string | null): Promise<number | null> {
      const limit = method === 'POST' && route !== null ? LIMITED.get(route) : undefined;
      if (!limit) return null;
      return backend.run(
        (state, ctx) => spendAddressBudget(state, ctx.now, limit, address),
        windowPlan(limit, address),
      );
    },
  };
}
