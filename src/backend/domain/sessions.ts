import { appPaths } from '@/api/app-paths';
import {
  accountById,
  canonicalEmail,
  defaultWorkspaceId,
  findAccountByEmail,
  owesMfaSetup,
} from './accounts';
import { recordAudit } from './audit';
import type { DomainContext } from './context';
import { base64Url, randomId, sha256Hex } from './encoding';
import { goneSessionError } from './ended-sessions';
import { DomainError } from './errors';
import {
  FAILURES_IN_A_ROW_MAX,
  IP_ADDRESS_MAX_LENGTH,
  PASSWORD_FAILURE_MEMORY_MS,
  PASSWORD_LOCKOUT_MS,
  PASSWORD_MAX_FAILURES,
  PENDING_SESSION_TTL_MS,
  SESSION_TOKEN_BYTES,
  USER_AGENT_MAX_LENGTH,
} from './limits';
import { formatTimeForEmail, sendEmail } from './mail';
import { DECOY_PASSWORD_HASH, hashMatches, type PasswordHash } from './passwords';
import { redeemRememberedBrowser } from './remembered-browsers';
import { activeExpiresAt, slideIdleExpiry } from './retention';
import type {
  AccountRecord,
  LoginThrottleRecord,
  ServerState,
  SessionRecord,
  SessionRecordState,
} from './state';

export interface IssuedSession {
  /** Handed to the client once; only its hash is stored. */
  token: string;
  session: SessionRecord;
}

/** The throttle of an email; a blocked one is kept until a reset, whatever its age (GUARD-4). */
function throttleOf(state: ServerState, ctx: DomainContext, email: string): LoginThrottleRecord {
  state.loginThrottle = state.loginThrottle.filter(
    (entry) =>
      ctx.now - entry.lastFailureAt < PASSWORD_FAILURE_MEMORY_MS ||
      entry.failuresInARow >= FAILURES_IN_A_ROW_MAX,
  );
  const emailHash = loginThrottleKey(email);
  let record = state.loginThrottle.find((entry) => entry.emailHash === emailHash);
  if (!record) {
    record = {
      emailHash,
      failures: 0,
      lockedUntil: null,
      lastFailureAt: ctx.now,
      failuresInARow: 0,
    };
    state.loginThrottle.push(record);
  }
  return record;
}

/** The throttle's key for an email, known or not: what a request's plan picks it by. */
export function loginThrottleKey(email: string): string {
  return sha256Hex(`login:${canonicalEmail(email)}`);
}

/** GUARD-4: a proven email (a password reset) or an agent reopens password entry. */
export function clearLoginThrottle(state: ServerState, email: string): void {
  const emailHash = loginThrottleKey(email);
  state.loginThrottle = state.loginThrottle.filter((entry) => entry.emailHash !== emailHash);
}

function lockedError(ctx: DomainContext, lockedUntil: number): DomainError {
  return new DomainError('ACCOUNT_LOCKED', { retryAfterMs: lockedUntil - ctx.now });
}

/**
 * LOGIN-1: checks the password, hashed off the transaction with the salt that
 * `loginSaltFor` gave (GUARD-7), and opens a session whose state says what is
 * still owed. Returns (rather than throws) refusals that must be recorded.
 */
export function logIn(
  state: ServerState,
  ctx: DomainContext,
  email: string,
  typed: PasswordHash,
  userAgent: string | null = null,
  ipAddress: string | null = null,
  rememberedToken: string | null = null,
): (IssuedSession & { rememberedBrowser: boolean }) | DomainError {
  const account = checkPassword(state, ctx, email, typed);
  if (account instanceof DomainError) return account;
  purgeExpiredSessions(state, ctx);

  // REMEMBER-1: this browser proved the account's second factor within 30 days.
  const remembered =
    account.mfa !== null && redeemRememberedBrowser(state, ctx, account.id, rememberedToken);
  const workspaceId = defaultWorkspaceId(state, account);
  const sessionState: SessionRecordState =
    account.mfa && !remembered
      ? 'mfa_required'
      : owesMfaSetup(state, account, workspaceId, ctx.now)
        ? 'mfa_setup_required'
        : 'active';
  // LOG-1: a sign-in with the password alone; one that owes a code is logged once it is paid.
  if (remembered) recordAudit(state, ctx, account.id, 'signin.remembered_browser');
  else if (sessionState !== 'mfa_required') recordAudit(state, ctx, account.id, 'signin.password');
  const issued = openSession(state, ctx, account, sessionState, workspaceId, userAgent, ipAddress);
  return { ...issued, rememberedBrowser: Boolean(remembered) };
}

/**
 * LOGIN-1 / GUARD-4: a password typed for an email, counted by the email's
 * throttle whether the account exists or not: the account when it matches,
 * else the refusal to return (so the count is written). Login and changing the
 * password (PASSWORD-1) share it, so neither is a way round the other's lock.
 */
export function checkPassword(
  state: ServerState,
  ctx: DomainContext,
  email: string,
  typed: PasswordHash,
): AccountRecord | DomainError {
  const throttle = throttleOf(state, ctx, email);
  if (throttle.failuresInARow >= FAILURES_IN_A_ROW_MAX) return new DomainError('RESET_REQUIRED');
  if (throttle.lockedUntil !== null && ctx.now < throttle.lockedUntil) {
    return lockedError(ctx, throttle.lockedUntil);
  }
  const account = findAccountByEmail(state, email);
  const matches = hashMatches(typed, account?.password ?? DECOY_PASSWORD_HASH);
  if (!account || !matches) {
    throttle.failures += 1;
    throttle.failuresInARow += 1;
    throttle.lockedUntil = null;
    throttle.lastFailureAt = ctx.now;
    if (throttle.failuresInARow >= FAILURES_IN_A_ROW_MAX) {
      if (account) notifyBlocked(state, ctx, account, 'password');
      return new DomainError('RESET_REQUIRED');
    }
    if (throttle.failures < PASSWORD_MAX_FAILURES) return new DomainError('INVALID_CREDENTIALS');
    throttle.failures = 0;
    throttle.lockedUntil = ctx.now + PASSWORD_LOCKOUT_MS;
    if (account) notifyPasswordLockout(state, ctx, account, throttle.lockedUntil);
    return lockedError(ctx, throttle.lockedUntil);
  }
  state.loginThrottle = state.loginThrottle.filter((entry) => entry !== throttle);
  return account;
}

/** GUARD-4: the account holder learns that only a reset reopens the door. */
export function notifyBlocked(
  state: ServerState,
  ctx: DomainContext,
  account: AccountRecord,
  entry: 'password' | 'code',
): void {
  recordAudit(state, ctx, account.id, entry === 'password' ? 'password.locked' : 'mfa.locked', {
    until: 'reset',
  });
  const password = entry === 'password';
  sendEmail(state, ctx, account, (t) => ({
    subject: t(password ? 'mail.passwordBlocked.subject' : 'mail.codeBlocked.subject', {
      max: FAILURES_IN_A_ROW_MAX,
    }),
    body: t(password ? 'mail.passwordBlocked.body' : 'mail.codeBlocked.body', {
      max: FAILURES_IN_A_ROW_MAX,
      resetPath: appPaths.passwordReset.href,
    }),
  }));
}

function notifyPasswordLockout(
  state: ServerState,
  ctx: DomainContext,
  account: AccountRecord,
  lockedUntil: number,
): void {
  recordAudit(state, ctx, account.id, 'password.locked', { until: lockedUntil });
  sendEmail(state, ctx, account, (t) => ({
    subject: t('mail.passwordLocked.subject'),
    body: t('mail.passwordLocked.body', {
      max: PASSWORD_MAX_FAILURES,
      until: formatTimeForEmail(lockedUntil),
      resetPath: appPaths.passwordReset.href,
    }),
  }));
}

export function openSession(
  state: ServerState,
  ctx: DomainContext,
  account: AccountRecord,
  sessionState: SessionRecordState,
  workspaceId: string | null,
  userAgent: string | null = null,
  ipAddress: string | null = null,
): IssuedSession {
  const token = base64Url(ctx.randomBytes(SESSION_TOKEN_BYTES));
  const session: SessionRecord = {
    id: randomId(ctx.randomBytes, 'ses'),
    tokenHash: sha256Hex(token),
    accountId: account.id,
    state: sessionState,
    workspaceId,
    createdAt: ctx.now,
    lastSeenAt: ctx.now,
    expiresAt: ctx.now + PENDING_SESSION_TTL_MS,
    userAgent: userAgent === null ? null : userAgent.slice(0, USER_AGENT_MAX_LENGTH),
    ipAddress: ipAddress === null ? null : ipAddress.slice(0, IP_ADDRESS_MAX_LENGTH),
  };
  if (sessionState === 'active') session.expiresAt = activeExpiresAt(account, session);
  state.sessions.push(session);
  return { token, session };
}

/**
 * SESSION-2 / LOGIN-6: the same session under a new id and token, so whatever
 * knew the old ones (a token copied before a change) knows nothing. It keeps
 * its login time, so SESSION-3's maximum still counts from the login.
 */
export function rotateSession(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
): IssuedSession {
  endSession(state, session);
  const issued = openSession(
    state,
    ctx,
    accountById(state, session.accountId),
    session.state,
    session.workspaceId,
    session.userAgent,
    session.ipAddress ?? null,
  );
  issued.session.createdAt = session.createdAt;
  if (issued.session.state === 'active') {
    issued.session.expiresAt = activeExpiresAt(
      accountById(state, session.accountId),
      issued.session,
    );
  } else {
    issued.session.expiresAt = session.expiresAt;
  }
  return issued;
}

/**
 * LOGIN-6: a pending session that has paid what it owed is replaced by a new
 * active one, so the pending token stops working.
 */
export function promoteSession(
  state: ServerState,
  ctx: DomainContext,
  pending: SessionRecord,
): IssuedSession {
  endSession(state, pending);
  return openSession(
    state,
    ctx,
    accountById(state, pending.accountId),
    'active',
    pending.workspaceId,
    pending.userAgent,
    pending.ipAddress ?? null,
  );
}

/** The session now owes an MFA binding, and lives no longer than any pending session. */
export function demoteToSetup(session: SessionRecord, ctx: DomainContext): void {
  session.state = 'mfa_setup_required';
  session.expiresAt = Math.min(session.expiresAt, ctx.now + PENDING_SESSION_TTL_MS);
}

/**
 * Brings a session in line with the policy of its workspace: an active one owes
 * a binding once mandatory MFA is switched on, and one that owed it is a full
 * session again once the policy is switched off (MANDATORY-2, MANDATORY-3).
 */
function reconcile(state: ServerState, ctx: DomainContext, session: SessionRecord): void {
  if (session.state === 'mfa_required') return;
  const owes = owesMfaSetup(
    state,
    accountById(state, session.accountId),
    session.workspaceId,
    ctx.now,
  );
  if (owes && session.state === 'active') demoteToSetup(session, ctx);
  if (!owes && session.state === 'mfa_setup_required') restoreActive(state, session, ctx);
}

/** The session owes nothing any more and is a full one again. */
function restoreActive(state: ServerState, session: SessionRecord, ctx: DomainContext): void {
  session.state = 'active';
  session.lastSeenAt = ctx.now;
  session.expiresAt = activeExpiresAt(accountById(state, session.accountId), session);
}

/** The live session a token names; slides the idle expiry of an active one. */
export function authenticate(
  state: ServerState,
  ctx: DomainContext,
  token: string | null,
): SessionRecord {
  if (!token) throw new DomainError('UNAUTHENTICATED');
  const tokenHash = sha256Hex(token);
  const session = state.sessions.find((candidate) => candidate.tokenHash === tokenHash);
  if (!session) throw goneSessionError(state, ctx, tokenHash);
  if (isExpired(session, ctx.now)) throw new DomainError('SESSION_EXPIRED');
  reconcile(state, ctx, session);
  if (session.state === 'active') {
    slideIdleExpiry(accountById(state, session.accountId), session, ctx.now);
  }
  return session;
}

/** The session a token names if it is alive, without refusing or sliding it. */
export function peekSession(
  state: ServerState,
  ctx: DomainContext,
  token: string | null,
): SessionRecord | null {
  if (!token) return null;
  const tokenHash = sha256Hex(token);
  const session = state.sessions.find((candidate) => candidate.tokenHash === tokenHash);
  if (!session || isExpired(session, ctx.now)) return null;
  reconcile(state, ctx, session);
  return session;
}

/** LOGIN-5: anything beyond the pending steps needs a session that owes nothing. */
export function requireActive(session: SessionRecord): void {
  if (session.state === 'mfa_required') throw new DomainError('MFA_REQUIRED');
  if (session.state === 'mfa_setup_required') throw new DomainError('MFA_SETUP_REQUIRED');
}

export function requirePendingState(session: SessionRecord, expected: SessionRecordState): void {
  if (session.state !== expected) throw new DomainError('FORBIDDEN');
}

export function endSession(state: ServerState, session: SessionRecord): void {
  state.sessions = state.sessions.filter((candidate) => candidate.id !== session.id);
}

function isExpired(session: SessionRecord, now: number): boolean {
  return now >= session.expiresAt;
}

export function purgeExpiredSessions(state: ServerState, ctx: DomainContext): void {
  state.sessions = state.sessions.filter((session) => !isExpired(session, ctx.now));
}
