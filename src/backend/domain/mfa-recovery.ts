import { accountById } from './accounts';
import { recordAudit } from './audit';
import type { DomainContext } from './context';
import { openEnrollment } from './enrollments';
import { DomainError } from './errors';
import { formatTimeForEmail, sendEmail } from './mail';
import { checkSecondFactor, type SecondFactor } from './mfa-codes';
import { newRecoveryCodeSet } from './recovery-codes';
import type { KeyStepUp } from './security-keys';
import { RECOVERY_CODE_KEY } from './server-keys';
import { endOtherSessions } from './session-control';
import { type IssuedSession, requireActive } from './sessions';
import type { AccountRecord, MfaBinding, ServerState, SessionRecord } from './state';

/** RECOVERY-1: a binding of a confirmed secret, with a new set of recovery codes to show once. */
export function newBinding(
  ctx: DomainContext,
  account: AccountRecord,
  secret: string,
  lastUsedStep: number,
): { binding: MfaBinding; recoveryCodes: string[] } {
  const { codes, stored } = newRecoveryCodeSet(ctx, RECOVERY_CODE_KEY, account.id);
  return {
    binding: { secret, boundAt: ctx.now, lastUsedStep, recoveryCodes: stored },
    recoveryCodes: codes,
  };
}

function requireBound(state: ServerState, session: SessionRecord) {
  requireActive(session);
  const account = accountById(state, session.accountId);
  if (!account.mfa) throw new DomainError('MFA_NOT_BOUND');
  return { account, binding: account.mfa };
}

/**
 * RECOVERY-3: a dynamic code (or a key, KEY-2) makes a new set; the old set stops working in the
 * same transaction. The codes are returned this once. Every other session of
 * the account ends and this one goes on under a new token (SESSION-2): one of
 * them may have signed in with a code of the old set.
 */
export function regenerateRecoveryCodes(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  proof: KeyStepUp,
): { issued: IssuedSession; ended: number; recoveryCodes: string[] } | DomainError {
  const { account, binding } = requireBound(state, session);
  // A dynamic code or a key (KEY-2); a recovery code does not make new ones.
  const refusal = checkSecondFactor(state, ctx, account, session, proof, 'regenerate');
  if (refusal) return refusal;
  const { codes, stored } = newRecoveryCodeSet(ctx, RECOVERY_CODE_KEY, account.id);
  binding.recoveryCodes = stored;
  recordAudit(state, ctx, account.id, 'mfa.recovery_codes_generated');
  sendEmail(state, ctx, account, (t) => ({
    subject: t('mail.recoveryCodesMade.subject'),
    body: t('mail.recoveryCodesMade.body', { at: formatTimeForEmail(ctx.now) }),
  }));
  return {
    ...endOtherSessions(state, ctx, account.id, session.id, 'recovery_codes_regenerated'),
    recoveryCodes: codes,
  };
}

/**
 * RECOVERY-4, first step: the old app (its dynamic code or a recovery code)
 * proves the account holder, which stands in for the bind wizard's email step.
 * The binding is not touched: the old secret keeps working until a new one is
 * confirmed, so mandatory MFA never lapses.
 */
export function startAuthenticatorChange(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  proof: SecondFactor,
): null | DomainError {
  const { account } = requireBound(state, session);
  const refusal = checkSecondFactor(state, ctx, account, session, proof, 'change');
  if (refusal) return refusal;
  openEnrollment(state, ctx, account, session, 'change');
  return null;
}

/**
 * RECOVERY-4, last step: the confirmed new secret replaces the old one in one
 * write, so there is no moment without a binding. The recovery codes belong to
 * the account, not to the phone, and stay as they are. Every other session of
 * the account ends and the one that made the change goes on under a new token
 * (SESSION-2): the old phone may be in someone else's hands.
 */
export function replaceAuthenticator(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  secret: string,
  lastUsedStep: number,
): { issued: IssuedSession; ended: number } {
  const account = accountById(state, session.accountId);
  if (!account.mfa) throw new DomainError('MFA_NOT_BOUND');
  account.mfa = { ...account.mfa, secret, boundAt: ctx.now, lastUsedStep };
  recordAudit(state, ctx, account.id, 'mfa.changed');
  sendEmail(state, ctx, account, (t) => ({
    subject: t('mail.authenticatorChanged.subject'),
    body: t('mail.authenticatorChanged.body', { at: formatTimeForEmail(ctx.now) }),
  }));
  return endOtherSessions(state, ctx, account.id, session.id, 'authenticator_changed');
}
