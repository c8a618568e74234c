import { accountById, owesMfaSetup } from './accounts';
import { recordAudit } from './audit';
import type { DomainContext } from './context';
import { consumeEmailCode, nextEmailCodeAt, sendEmailCode } from './email-codes';
import { openEnrollment } from './enrollments';
import { DomainError } from './errors';
import { ENROLLMENT_SECRET_TTL_MS } from './limits';
import { formatTimeForEmail, sendEmail } from './mail';
import { checkDynamicCode, checkSecondFactor, type SecondFactor } from './mfa-codes';
import { newBinding, replaceAuthenticator } from './mfa-recovery';
import { forgetRememberedBrowsers } from './remembered-browsers';
import { removeAllSecurityKeys } from './security-keys';
import { endOtherSessions } from './session-control';
import { demoteToSetup, type IssuedSession, promoteSession, requireActive } from './sessions';
import type { AccountRecord, EnrollmentRecord, ServerState, SessionRecord } from './state';
import { generateSecret, otpauthUri } from './totp';

/**
 * LOGIN-3: the code owed by an `mfa_required` session, or a recovery code
 * (RECOVERY-2); success replaces the session.
 */
export function verifyLoginCode(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  proof: SecondFactor,
): IssuedSession | DomainError {
  if (session.state !== 'mfa_required') throw new DomainError('FORBIDDEN');
  const account = accountById(state, session.accountId);
  const refusal = checkSecondFactor(state, ctx, account, session, proof, 'login');
  if (refusal) return refusal;
  account.lastMfaLoginAt = ctx.now;
  recordAudit(
    state,
    ctx,
    session.accountId,
    'signin.mfa',
    'recoveryCode' in proof
      ? { factor: 'recovery' }
      : 'securityKey' in proof
        ? { factor: 'security_key' }
        : {},
  );
  return promoteSession(state, ctx, session);
}

/**
 * The bind steps are open to an active session and to one that owes a binding
 * (LOGIN-5); to a bound account only for a change of authenticator its session
 * started (RECOVERY-4), and then not the email steps, which the old app replaced.
 */
export function requireEnrollmentAccess(
  state: ServerState,
  session: SessionRecord,
  { change }: { change: boolean } = { change: true },
): AccountRecord {
  if (session.state === 'mfa_required') throw new DomainError('MFA_REQUIRED');
  const account = accountById(state, session.accountId);
  const changing =
    change && session.state === 'active' && enrollmentOf(state, session)?.kind === 'change';
  if (account.mfa && !changing) throw new DomainError('MFA_ALREADY_BOUND');
  return account;
}

function enrollmentOf(state: ServerState, session: SessionRecord): EnrollmentRecord | undefined {
  return state.enrollments.find((entry) => entry.sessionId === session.id);
}

export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  const visible =
    local.length <= 2 ? local.slice(0, 1) : `${local.slice(0, 1)}***${local.slice(-1)}`;
  return `${visible}${local.length <= 2 ? '***' : ''}@${domain}`;
}

export interface EnrollmentProgress {
  stage: 'identity' | 'app';
  maskedEmail: string;
  resendAvailableAt: number | null;
}

/** Where this session's bind wizard stands, so a reload resumes it (BIND-1). */
export function enrollmentStatus(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
): EnrollmentProgress {
  const account = requireEnrollmentAccess(state, session);
  const enrollment = enrollmentOf(state, session);
  return {
    stage: enrollment && enrollmentOpen(enrollment, ctx) ? 'app' : 'identity',
    maskedEmail: maskEmail(account.email),
    resendAvailableAt: nextEmailCodeAt(state, ctx, account.id, 'bind', session.id),
  };
}

/** BIND-1: emails the code that proves the user owns the account. */
export function sendBindEmailCode(state: ServerState, ctx: DomainContext, session: SessionRecord) {
  return sendEmailCode(
    state,
    ctx,
    requireEnrollmentAccess(state, session, { change: false }),
    'bind',
    session.id,
  );
}

/** BIND-1: the emailed code checks out; the session may now be given a secret. */
export function verifyBindIdentity(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  code: string,
): null | DomainError {
  const account = requireEnrollmentAccess(state, session, { change: false });
  const refusal = consumeEmailCode(state, ctx, account.id, 'bind', code);
  if (refusal) return refusal;
  openEnrollment(state, ctx, account, session, 'bind');
  return null;
}

interface PendingSecret {
  secret: string;
  expiresAt: number;
}

function validSecret(enrollment: EnrollmentRecord, ctx: DomainContext): PendingSecret | null {
  const { secret, secretExpiresAt } = enrollment;
  if (secret === null || secretExpiresAt === null || ctx.now >= secretExpiresAt) return null;
  return { secret, expiresAt: secretExpiresAt };
}

/**
 * BIND-4: step 1 stays done while the verified identity may still fetch a
 * secret, or while the secret it fetched may still be confirmed.
 */
function enrollmentOpen(enrollment: EnrollmentRecord, ctx: DomainContext): boolean {
  return ctx.now < enrollment.identityVerifiedUntil || validSecret(enrollment, ctx) !== null;
}

function makeSecret(enrollment: EnrollmentRecord, ctx: DomainContext): PendingSecret {
  const made = { secret: generateSecret(ctx), expiresAt: ctx.now + ENROLLMENT_SECRET_TTL_MS };
  enrollment.secret = made.secret;
  enrollment.secretExpiresAt = made.expiresAt;
  return made;
}

function secretView({ secret, expiresAt }: PendingSecret, account: AccountRecord) {
  return { secret, otpauthUri: otpauthUri(secret, account.email), expiresAt };
}

/**
 * BIND-5: the wizard's secret, made on the first call after step 1 succeeded
 * and then the same one on every call (going back, a reload, a return from the
 * phone) until it is confirmed, expires or the wizard is cancelled, so an entry
 * already scanned keeps working. An expired one is replaced only while the
 * verified identity still allows a fetch.
 */
export function issueEnrollmentSecret(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
) {
  const account = requireEnrollmentAccess(state, session);
  const enrollment = enrollmentOf(state, session);
  if (!enrollment) throw new DomainError('ENROLLMENT_REQUIRED');
  const current = validSecret(enrollment, ctx);
  if (current) return secretView(current, account);
  if (ctx.now >= enrollment.identityVerifiedUntil) throw new DomainError('ENROLLMENT_REQUIRED');
  return secretView(makeSecret(enrollment, ctx), account);
}

/**
 * BIND-5 "Show a new QR code": the only way to replace a secret that is still
 * valid. Open while the wizard is (a valid secret or a verified identity), and
 * the new secret gets its own 10 minutes.
 */
export function rotateEnrollmentSecret(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
) {
  const account = requireEnrollmentAccess(state, session);
  const enrollment = enrollmentOf(state, session);
  if (!enrollment || !enrollmentOpen(enrollment, ctx)) throw new DomainError('ENROLLMENT_REQUIRED');
  return secretView(makeSecret(enrollment, ctx), account);
}

/**
 * BIND-3: the first code from the app promotes the pending secret to the
 * binding. Its step counts as used, so it cannot log in afterwards (MOCK-3). A
 * new binding comes with its recovery codes, returned this once (RECOVERY-1); a
 * change of authenticator replaces the secret and keeps them (RECOVERY-4).
 */
export function confirmEnrollment(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  code: string,
): { issued: IssuedSession; ended: number; recoveryCodes: string[] | null } | DomainError {
  const account = requireEnrollmentAccess(state, session);
  const enrollment = enrollmentOf(state, session);
  const pending = enrollment && validSecret(enrollment, ctx);
  if (!pending) throw new DomainError('ENROLLMENT_REQUIRED');
  const step = checkDynamicCode(state, ctx, account, pending.secret, null, code, 'bind');
  if (step instanceof DomainError) return step;

  state.enrollments = state.enrollments.filter((entry) => entry.accountId !== account.id);
  if (enrollment?.kind === 'change' && account.mfa) {
    return {
      ...replaceAuthenticator(state, ctx, session, pending.secret, step),
      recoveryCodes: null,
    };
  }
  const { binding, recoveryCodes } = newBinding(ctx, account, pending.secret, step);
  account.mfa = binding;
  recordAudit(state, ctx, account.id, 'mfa.bound');
  sendEmail(state, ctx, account, (t) => ({
    subject: t('mail.mfaBound.subject'),
    body: t('mail.mfaBound.body', { at: formatTimeForEmail(ctx.now) }),
  }));
  // A session that owed the binding becomes a full one (LOGIN-4, LOGIN-6); then
  // every other session ends and this one gets a new id (SESSION-2).
  const current =
    session.state === 'mfa_setup_required' ? promoteSession(state, ctx, session).session : session;
  return {
    ...endOtherSessions(state, ctx, account.id, current.id, 'mfa_bound'),
    recoveryCodes,
  };
}

/** BIND-4: cancelling discards the pending secret. */
export function cancelEnrollment(state: ServerState, session: SessionRecord): void {
  state.enrollments = state.enrollments.filter((entry) => entry.sessionId !== session.id);
}

/**
 * UNBIND-1: the current dynamic code (or a recovery code, RECOVERY-2) removes
 * the binding. A member whose workspace enforces MFA then owes a new binding
 * at once (UNBIND-2).
 */
export function unbindWithCode(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  proof: SecondFactor,
): null | DomainError {
  requireActive(session);
  const account = accountById(state, session.accountId);
  const refusal = checkSecondFactor(state, ctx, account, session, proof, 'unbind');
  if (refusal) return refusal;
  removeBinding(state, ctx, account, 'self');
  if (owesMfaSetup(state, account, session.workspaceId, ctx.now)) demoteToSetup(session, ctx);
  return null;
}

/**
 * Removes a binding: by its holder (`self`), or by the agent who processed an
 * Unbind MFA ticket, whom the holder's log names (TICKET-11).
 */
export function removeBinding(
  state: ServerState,
  ctx: DomainContext,
  account: AccountRecord,
  by: 'self' | AccountRecord,
): void {
  account.mfa = null;
  state.enrollments = state.enrollments.filter((entry) => entry.accountId !== account.id);
  // REMEMBER-1: a browser remembered for the old factor owes the new one.
  forgetRememberedBrowsers(state, ctx, account.id, 'mfa_unbound');
  // KEY-4: a key is a second factor beside the app; with no binding there is none.
  const keysRemoved = removeAllSecurityKeys(state, ctx, account);
  recordAudit(
    state,
    ctx,
    account.id,
    'mfa.unbound',
    by === 'self' ? { by } : { by: 'support', ...agentDetail(by) },
  );
  const at = formatTimeForEmail(ctx.now);
  sendEmail(state, ctx, account, (t) => ({
    subject: t('mail.mfaUnbound.subject'),
    body:
      (by === 'self'
        ? t('mail.mfaUnbound.bodyBySelf', { at })
        : t('mail.mfaUnbound.bodyByAgent', { at, agent: by.name })) +
      (keysRemoved === 0 ? '' : ` ${t('mail.mfaUnbound.keysRemoved', { count: keysRemoved })}`),
  }));
}

/** TICKET-11: who acted for customer service, as the member's log names them. */
export function agentDetail(agent: AccountRecord): { agent: string; agentEmail: string } {
  return { agent: agent.name, agentEmail: agent.email };
}
