import type { SessionEndCause } from '@/api/session-end-causes';
import { accountById } from './accounts';
import { recordAudit } from './audit';
import type { DomainContext } from './context';
import { rememberEnded } from './ended-sessions';
import { DomainError } from './errors';
import { type ForgetReason, forgetRememberedBrowsers } from './remembered-browsers';
import { activeExpiresAt } from './retention';
import { endSession, type IssuedSession, purgeExpiredSessions, rotateSession } from './sessions';
import type { LoginRetention, ServerState, SessionRecord } from './state';

/** Why sessions were ended, as the security log records it (SESSION-1, SESSION-2). */
export type SessionEndReason =
  | 'signed_out'
  | 'mfa_bound'
  | 'authenticator_changed'
  | 'recovery_codes_regenerated'
  | 'password_changed'
  | 'password_reset';

/** What the tab of a session ended for a reason is told (SESSION_ENDED). */
const CAUSE_OF: Record<SessionEndReason, SessionEndCause> = {
  signed_out: 'signed_out',
  mfa_bound: 'security_changed',
  authenticator_changed: 'security_changed',
  recovery_codes_regenerated: 'security_changed',
  password_changed: 'password_changed',
  password_reset: 'password_changed',
};

/**
 * REMEMBER-1: a change of password or factor forgets the account's remembered
 * browsers too. New recovery codes are no change of factor: the app that
 * proved the browser is the same, and the codes stand in for it only when it
 * is lost (ADR 0032).
 */
const FORGETS_BROWSERS: Record<SessionEndReason, ForgetReason | null> = {
  signed_out: 'signed_out_others',
  mfa_bound: 'mfa_bound',
  authenticator_changed: 'authenticator_changed',
  recovery_codes_regenerated: null,
  password_changed: 'password_changed',
  password_reset: 'password_reset',
};

function forgetBrowsersFor(
  state: ServerState,
  ctx: DomainContext,
  accountId: string,
  reason: SessionEndReason,
): void {
  const forget = FORGETS_BROWSERS[reason];
  if (forget) forgetRememberedBrowsers(state, ctx, accountId, forget);
}

/** SESSION-1: the account's live sessions, oldest login first. */
export function sessionsOf(
  state: ServerState,
  ctx: DomainContext,
  accountId: string,
): SessionRecord[] {
  purgeExpiredSessions(state, ctx);
  return state.sessions
    .filter((session) => session.accountId === accountId)
    .sort((a, b) => a.createdAt - b.createdAt);
}

function recordEnded(
  state: ServerState,
  ctx: DomainContext,
  accountId: string,
  reason: SessionEndReason,
  count: number,
): void {
  if (count > 0) recordAudit(state, ctx, accountId, 'session.ended', { reason, count });
}

/**
 * SESSION-1: Sign out one other session of the caller's account. Another
 * account's session, or one that is gone, is not found; the caller's own is
 * ended by logging out, not here.
 */
export function signOutSession(
  state: ServerState,
  ctx: DomainContext,
  current: SessionRecord,
  sessionId: string,
): void {
  const target = sessionsOf(state, ctx, current.accountId).find(
    (session) => session.id === sessionId,
  );
  if (!target) throw new DomainError('NOT_FOUND');
  if (target.id === current.id) throw new DomainError('FORBIDDEN');
  rememberEnded(state, ctx, [target], 'signed_out');
  endSession(state, target);
  recordEnded(state, ctx, current.accountId, 'signed_out', 1);
}

/**
 * SESSION-2: every other session of the account ends, whatever state it is
 * in, and the current one goes on under a new id and token. Binding MFA,
 * changing the password, and later changing the authenticator or regenerating
 * recovery codes call this: the other sessions were signed in with weaker or
 * older factors. The caller hands the returned token to the client.
 */
export function endOtherSessions(
  state: ServerState,
  ctx: DomainContext,
  accountId: string,
  currentSessionId: string,
  reason: SessionEndReason,
): { issued: IssuedSession; ended: number } {
  const current = state.sessions.find((session) => session.id === currentSessionId);
  if (!current || current.accountId !== accountId) throw new DomainError('UNAUTHENTICATED');
  const ended = endAllSessionsBut(state, ctx, accountId, currentSessionId, CAUSE_OF[reason]);
  recordEnded(state, ctx, accountId, reason, ended);
  forgetBrowsersFor(state, ctx, accountId, reason);
  return { issued: rotateSession(state, ctx, current), ended };
}

/** SESSION-1: Sign out all other sessions; the current one keeps its id. */
export function signOutOtherSessions(
  state: ServerState,
  ctx: DomainContext,
  current: SessionRecord,
): number {
  const ended = endAllSessionsBut(state, ctx, current.accountId, current.id, 'signed_out');
  recordEnded(state, ctx, current.accountId, 'signed_out', ended);
  // REMEMBER-1: "everywhere else" includes the browsers that would skip the code.
  forgetBrowsersFor(state, ctx, current.accountId, 'signed_out');
  return ended;
}

/** PASSWORD-2: a reset leaves no session of the account alive, nor signs one in. */
export function endAllSessions(
  state: ServerState,
  ctx: DomainContext,
  accountId: string,
  reason: SessionEndReason,
): number {
  const ended = endAllSessionsBut(state, ctx, accountId, null, CAUSE_OF[reason]);
  recordEnded(state, ctx, accountId, reason, ended);
  forgetBrowsersFor(state, ctx, accountId, reason);
  return ended;
}

/** SESSION-2: customer service unbound the account's MFA; every session ends (the log says so apart). */
export function endSessionsForAgent(
  state: ServerState,
  ctx: DomainContext,
  accountId: string,
): number {
  return endAllSessionsBut(state, ctx, accountId, null, 'customer_service');
}

function endAllSessionsBut(
  state: ServerState,
  ctx: DomainContext,
  accountId: string,
  keepId: string | null,
  endedBy: SessionEndCause,
): number {
  const ending = state.sessions.filter(
    (session) => session.accountId === accountId && session.id !== keepId,
  );
  rememberEnded(state, ctx, ending, endedBy);
  const endingIds = new Set(ending.map((session) => session.id));
  state.sessions = state.sessions.filter((session) => !endingIds.has(session.id));
  return ending.length;
}

/**
 * SESSION-3: the account's new retention time applies at once to all of its
 * active sessions; one already past it answers SESSION_EXPIRED next time.
 */
export function setRetention(
  state: ServerState,
  session: SessionRecord,
  retention: LoginRetention,
): LoginRetention {
  const account = accountById(state, session.accountId);
  account.retention = { idleMinutes: retention.idleMinutes, maxDays: retention.maxDays };
  for (const other of state.sessions) {
    if (other.accountId === account.id && other.state === 'active') {
      other.expiresAt = activeExpiresAt(account, other);
    }
  }
  return account.retention;
}
