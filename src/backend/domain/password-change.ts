import { passwordProblem, SAME_AS_CURRENT } from '@/api/password-policy';
import { accountById, findAccountByEmail } from './accounts';
import { recordAudit } from './audit';
import type { DomainContext } from './context';
import { consumeEmailCode, nextEmailCodeAt, sendEmailCode } from './email-codes';
import { DomainError } from './errors';
import { checkSecurityKey } from './key-proofs';
import { formatTimeForEmail, sendEmail } from './mail';
import { checkBoundCode, reopenCodeEntry } from './mfa-codes';
import { hashMatches, type PasswordHash } from './passwords';
import type { KeyStepUp } from './security-keys';
import { endAllSessions, endOtherSessions } from './session-control';
import { checkPassword, clearLoginThrottle, type IssuedSession } from './sessions';
import type { ServerState, SessionRecord } from './state';

/** A new password as the endpoint hands it over: as typed, for the policy, and hashed (GUARD-7). */
export interface NewPassword {
  typed: string;
  hash: PasswordHash;
  /** Hashed again with the stored password's salt: whether it is the current one. */
  asCurrent: PasswordHash;
}

/** PASSWORD-1: the policy of NIST SP 800-63B, the server's word on it. */
function requireAcceptable(password: string, email: string): void {
  const problem = passwordProblem(password, email);
  if (problem)
    throw new DomainError('VALIDATION_FAILED', { fieldErrors: { newPassword: problem } });
}

/**
 * A new password equal to the current one would change nothing the user
 * meant to change, so it is refused; hash against hash, in equal time. Thrown,
 * so that the transaction rolls back: an emailed code it used is not spent.
 * Callers ask only once the user has proven the current password or the
 * email, so that it is no oracle for guessing the password.
 */
function requireNotCurrent(stored: PasswordHash, next: NewPassword): void {
  if (hashMatches(next.asCurrent, stored)) {
    throw new DomainError('VALIDATION_FAILED', { fieldErrors: { newPassword: SAME_AS_CURRENT } });
  }
}

/**
 * PASSWORD-1: the current password (counted like a login's, so a stolen
 * session cannot guess it freely), a dynamic code when MFA is bound, then the
 * new password. Every other session ends and this one gets a new id
 * (SESSION-2); the account is told by email.
 */
export function changePassword(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  input: { current: PasswordHash; next: NewPassword; proof: KeyStepUp | undefined },
): IssuedSession | DomainError {
  const account = accountById(state, session.accountId);
  requireAcceptable(input.next.typed, account.email);
  if (account.mfa && input.proof === undefined) {
    throw new DomainError('VALIDATION_FAILED', { fieldErrors: { code: 'required' } });
  }
  const checked = checkPassword(state, ctx, account.email, input.current);
  if (checked instanceof DomainError) {
    return checked.code === 'INVALID_CREDENTIALS' ? new DomainError('INVALID_PASSWORD') : checked;
  }
  // Before the dynamic code, so that a refusal here does not use its step up (MOCK-3).
  requireNotCurrent(account.password, input.next);
  if (account.mfa && input.proof !== undefined) {
    // A key stands in for the dynamic code (KEY-2); a recovery code does not (PASSWORD-1).
    const refusal =
      'code' in input.proof
        ? checkBoundCode(state, ctx, account, input.proof.code, 'password')
        : checkSecurityKey(state, ctx, account, session, input.proof.securityKey, 'step-up');
    if (refusal) return refusal;
  }
  account.password = input.next.hash;
  const { issued } = endOtherSessions(state, ctx, account.id, session.id, 'password_changed');
  recordAudit(state, ctx, account.id, 'password.changed');
  sendEmail(state, ctx, account, (t) => ({
    subject: t('mail.passwordChanged.subject'),
    body: t('mail.passwordChanged.body', { at: formatTimeForEmail(ctx.now) }),
  }));
  return issued;
}

/**
 * PASSWORD-2, first step: emails a reset code if the email names an account
 * and its reset quota allows (MOCK-5). The answer never says which: an unknown
 * email, or a quota used up, looks like a code sent.
 */
export function sendPasswordResetCode(state: ServerState, ctx: DomainContext, email: string): void {
  const account = findAccountByEmail(state, email);
  if (!account || nextEmailCodeAt(state, ctx, account.id, 'reset') !== null) return;
  sendEmailCode(state, ctx, account, 'reset');
}

/**
 * PASSWORD-2: the emailed code sets a new password. It signs nobody in, ends
 * every session of the account, and leaves MFA as it was: the next login still
 * owes the dynamic code. Proving the email reopens what GUARD-4 had blocked.
 * An unknown email gets the refusal of a wrong code.
 */
export function resetPassword(
  state: ServerState,
  ctx: DomainContext,
  input: { email: string; code: string; next: NewPassword },
): DomainError | null {
  requireAcceptable(input.next.typed, input.email);
  const account = findAccountByEmail(state, input.email);
  if (!account) return new DomainError('INVALID_EMAIL_CODE');
  const refusal = consumeEmailCode(state, ctx, account.id, 'reset', input.code);
  if (refusal) return refusal;
  requireNotCurrent(account.password, input.next);
  account.password = input.next.hash;
  clearLoginThrottle(state, account.email);
  reopenCodeEntry(account);
  endAllSessions(state, ctx, account.id, 'password_reset');
  recordAudit(state, ctx, account.id, 'password.reset');
  sendEmail(state, ctx, account, (t) => ({
    subject: t('mail.passwordReset.subject'),
    body: t(account.mfa ? 'mail.passwordReset.bodyWithMfa' : 'mail.passwordReset.body', {
      at: formatTimeForEmail(ctx.now),
    }),
  }));
  return null;
}
