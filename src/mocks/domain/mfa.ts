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
  const refusal = checkSecondFactor(state, ctx, account, proof, 'login');
  if (refusal) return refusal;
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
  const identityValid = enrollment !== undefined && ctx.now < enrollment.identityVerifiedUntil;
  return {
    stage: identityValid ? 'app' : 'identity',
    maskedEmail: maskEmail(account.email),
    resendAvailableAt: nextEmailCodeAt(state, ctx, account.id, 'bind'),
  };
}

/** BIND-1: emails the code that proves the user owns the account. */
export function sendBindEmailCode(state: ServerState, ctx: DomainContext, session: SessionRecord) {
  return sendEmailCode(
    state,
    ctx,
    requireEnrollmentAccess(state, session, { change: false }),
    'bind',
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

/** BIND-5: a new secret each time step 2 is entered, made only after step 1 succeeded. */
export function issueEnrollmentSecret(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
) {
  const account = requireEnrollmentAccess(state, session);
  const enrollment = enrollmentOf(state, session);
  if (!enrollment || ctx.now >= enrollment.identityVerifiedUntil)
    throw new DomainError('ENROLLMENT_REQUIRED');
  enrollment.secret = generateSecret(ctx);
  enrollment.secretExpiresAt = ctx.now + ENROLLMENT_SECRET_TTL_MS;
  return {
    secret: enrollment.secret,
    otpauthUri: otpauthUri(enrollment.secret, account.email),
    expiresAt: enrollment.secretExpiresAt,
  };
}

/**
 * BIND-3: the first code from the app promotes the pending secret to the
 * binding. Its step counts as used, so it cannot log in afterwards (MOCK-3). A
 * session that owed the binding becomes a full one (LOGIN-4, LOGIN-6). A new
 * binding comes with its recovery codes, returned this once (RECOVERY-1); a
 * change of authenticator replaces the secret and keeps them (RECOVERY-4).
 */
export function confirmEnrollment(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  code: string,
): { issued: IssuedSession | null; recoveryCodes: string[] | null } | DomainError {
  const account = requireEnrollmentAccess(state, session);
  const enrollment = enrollmentOf(state, session);
  if (
    !enrollment?.secret ||
    enrollment.secretExpiresAt === null ||
    ctx.now >= enrollment.secretExpiresAt
  ) {
    throw new DomainError('ENROLLMENT_REQUIRED');
  }
  const step = checkDynamicCode(state, ctx, account, enrollment.secret, null, code, 'bind');
  if (step instanceof DomainError) return step;

  state.enrollments = state.enrollments.filter((entry) => entry.accountId !== account.id);
  if (enrollment.kind === 'change' && account.mfa) {
    replaceAuthenticator(state, ctx, account, enrollment.secret, step);
    return { issued: null, recoveryCodes: null };
  }
  const { binding, recoveryCodes } = newBinding(ctx, account, enrollment.secret, step);
  account.mfa = binding;
  recordAudit(state, ctx, account.id, 'mfa.bound');
  sendEmail(state, ctx, {
    to: account.email,
    subject: 'MFA was bound to your account',
    body:
      `An authenticator app was bound to your account at ${formatTimeForEmail(ctx.now)}. ` +
      'From now on, logging in asks for its 6-digit dynamic code. ' +
      'Keep the recovery codes you were shown somewhere safe. ' +
      'If this was not you, contact customer service at once.',
  });
  return {
    issued: session.state === 'mfa_setup_required' ? promoteSession(state, ctx, session) : null,
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
  const refusal = checkSecondFactor(state, ctx, account, proof, 'unbind');
  if (refusal) return refusal;
  removeBinding(state, ctx, account, 'self');
  if (owesMfaSetup(state, account, session.workspaceId)) demoteToSetup(session, ctx);
  return null;
}

export function removeBinding(
  state: ServerState,
  ctx: DomainContext,
  account: AccountRecord,
  by: 'self' | 'support',
): void {
  account.mfa = null;
  state.enrollments = state.enrollments.filter((entry) => entry.accountId !== account.id);
  recordAudit(state, ctx, account.id, 'mfa.unbound', { by });
  sendEmail(state, ctx, {
    to: account.email,
    subject: 'MFA was unbound from your account',
    body:
      `The authenticator app was unbound from your account at ${formatTimeForEmail(ctx.now)}` +
      (by === 'support' ? ' by customer service, as your ticket asked. ' : '. ') +
      'Logging in now needs only your password. Bind MFA again in Account Management > Security Settings.',
  });
}
