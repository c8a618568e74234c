import {
  DAY_MS,
  MINUTE_MS,
  RETENTION_IDLE_MINUTES_DEFAULT,
  RETENTION_MAX_DAYS_DEFAULT,
} from '@/api/limits';
import type { AccountRecord, LoginRetention, SessionRecord } from './state';

/**
 * SESSION-3: the least a use moves an active session's idle expiry. A use
 * sooner than this after the last slide changes nothing, so most reads write
 * nothing (ADR 0027); a session may then end up to one step before its idle
 * time after its very last use: a minute, 3% of the shortest idle time (30
 * minutes).
 */
export const IDLE_SLIDE_STEP_MS = MINUTE_MS;

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

/**
 * SESSION-3: a use of an active session slides its idle expiry, never past
 * its maximum, once at least IDLE_SLIDE_STEP_MS has passed since the last
 * slide; a sooner use leaves the session as it was.
 */
export function slideIdleExpiry(account: AccountRecord, session: SessionRecord, now: number): void {
  if (now - session.lastSeenAt < IDLE_SLIDE_STEP_MS) return;
  session.lastSeenAt = now;
  session.expiresAt = activeExpiresAt(account, session);
}
