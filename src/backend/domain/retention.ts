import {
  DAY_MS,
  MINUTE_MS,
  RETENTION_IDLE_MINUTES_DEFAULT,
  RETENTION_MAX_DAYS_DEFAULT,
} from '@/api/limits';
import type { AccountRecord, LoginRetention, SessionRecord } from './state';

/** SESSION-3: what a new account, and every seeded one, starts with. */
export const DEFAULT_RETENTION: LoginRetention = {
  idleMinutes: RETENTION_IDLE_MINUTES_DEFAULT,
  maxDays: RETENTION_MAX_DAYS_DEFAULT,
};

/**
 * SESSION-3: when an active session ends unless used again: its idle time
 * after it was last used, and never later than its maximum after its login
 * (none when the maximum is 0). Always finite, as the idle time is bounded.
 */
export function activeExpiresAt(
  account: AccountRecord,
  session: Pick<SessionRecord, 'createdAt' | 'lastSeenAt'>,
): number {
  const { idleMinutes, maxDays } = account.retention;
  const idleEnd = session.lastSeenAt + idleMinutes * MINUTE_MS;
  return maxDays === 0 ? idleEnd : Math.min(idleEnd, session.createdAt + maxDays * DAY_MS);
}
