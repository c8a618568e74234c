import type { MailKey } from '@/lib/i18n/en-mail';
import { recordAudit } from './audit';
import type { DomainContext } from './context';
import { DomainError } from './errors';
import { type AssertionProof, checkSecurityKey } from './key-proofs';
import {
  CODE_LOCKOUT_MS,
  CODE_MAX_FAILURES,
  FAILURES_IN_A_ROW_MAX,
  TOTP_PERIOD_SECONDS,
} from './limits';
import { formatTimeForEmail, sendEmail } from './mail';
import { recoveryCodesLeft, redeemRecoveryCode } from './recovery-codes';
import { RECOVERY_CODE_KEY } from './server-keys';
import { notifyBlocked } from './sessions';
import type { AccountRecord, ServerState, SessionRecord } from './state';
import { driftInSteps, matchingStep } from './totp';

/**
 * What a code was typed for, as the security log records a wrong one;
 * `support_unbind` is an agent's step-up (TICKET-11).
 */
export type CodeUse =
  | 'login'
  | 'bind'
  | 'unbind'
  | 'support_unbind'
  | 'password'
  | 'change'
  | 'regenerate'
  | 'security_key';
/**
 * Where a recovery code may stand in for the dynamic code (RECOVERY-2). Not a
 * bind (there is no binding yet), not an agent's step-up to unbind a member
 * (TICKET-11: the agent's own app, dynamic code only) and not a password
 * change (PASSWORD-1 asks for the dynamic code).
 */
export type RecoveryCodeUse = Exclude<CodeUse, 'bind' | 'support_unbind' | 'password'>;
/**
 * What proves the second factor: the dynamic code, a recovery code
 * (RECOVERY-2), or a security key's assertion as verified off the
 * transaction (KEY-2).
 */
export type SecondFactor =
  { code: string } | { recoveryCode: string } | { securityKey: AssertionProof };

/** CODE-4 / MOCK-4: refuses any code, right or wrong, while the account is locked. */
export function requireCodeEntryOpen(account: AccountRecord, ctx: DomainContext): void {
  if (account.codeFailuresInARow >= FAILURES_IN_A_ROW_MAX) throw new DomainError('RESET_REQUIRED');
  if (account.codeLockedUntil !== null && ctx.now < account.codeLockedUntil) {
    throw new DomainError('CODE_LOCKED', { retryAfterMs: account.codeLockedUntil - ctx.now });
  }
}

/**
 * Checks a dynamic code against a secret for an account (MOCK-3, MOCK-4).
 * Returns the step it matched, or the refusal to throw after the failure count
 * is written. Five wrong codes in a row, from any session, lock code entry.
 * A wrong code that a phone with a clock off by 2 to 10 steps would show
 * counts like any other, and its refusal says how far off (DRIFT-1).
 */
export function checkDynamicCode(
  state: ServerState,
  ctx: DomainContext,
  account: AccountRecord,
  secret: string,
  lastUsedStep: number | null,
  code: string,
  use: CodeUse,
): number | DomainError {
  requireCodeEntryOpen(account, ctx);
  const step = matchingStep(secret, code, ctx.now, lastUsedStep);
  if (step !== null) {
    reopenCodeEntry(account);
    return step;
  }
  const refusal = countCodeFailure(state, ctx, account, use, 'dynamic');
  const drift = driftInSteps({ secret, code, now: ctx.now, lastUsedStep });
  return drift === null ? refusal : withDrift(refusal, drift * TOTP_PERIOD_SECONDS);
}

/** The same refusal, telling how far the phone's clock seems off (DRIFT-1). */
function withDrift(refusal: DomainError, driftSeconds: number): DomainError {
  return new DomainError(refusal.code, {
    ...(refusal.retryAfterMs === null ? {} : { retryAfterMs: refusal.retryAfterMs }),
    driftSeconds,
  });
}

/**
 * MOCK-4 and GUARD-4 for every kind of code: a wrong dynamic code and a wrong
 * recovery code count the same, so guessing recovery codes buys no more tries.
 */
function countCodeFailure(
  state: ServerState,
  ctx: DomainContext,
  account: AccountRecord,
  use: CodeUse,
  factor: 'dynamic' | 'recovery',
): DomainError {
  account.codeFailures += 1;
  account.codeFailuresInARow += 1;
  if (account.codeFailuresInARow >= FAILURES_IN_A_ROW_MAX) {
    notifyBlocked(state, ctx, account, 'code');
    return new DomainError('RESET_REQUIRED');
  }
  recordAudit(state, ctx, account.id, 'mfa.code_failed', {
    use,
    attempt: account.codeFailures,
    ...(factor === 'recovery' ? { factor } : {}),
  });
  if (account.codeFailures < CODE_MAX_FAILURES) return new DomainError('INVALID_CODE');

  account.codeFailures = 0;
  account.codeLockedUntil = ctx.now + CODE_LOCKOUT_MS;
  recordAudit(state, ctx, account.id, 'mfa.locked', { until: account.codeLockedUntil });
  const until = formatTimeForEmail(account.codeLockedUntil);
  sendEmail(state, ctx, account, (t) => ({
    subject: t('mail.codeLocked.subject'),
    body: t('mail.codeLocked.body', { max: CODE_MAX_FAILURES, until }),
  }));
  return new DomainError('CODE_LOCKED', { retryAfterMs: CODE_LOCKOUT_MS });
}

/** A right code, a password reset or an agent's action clears every count (GUARD-4). */
export function reopenCodeEntry(account: AccountRecord): void {
  account.codeFailures = 0;
  account.codeLockedUntil = null;
  account.codeFailuresInARow = 0;
}

/**
 * Checks the current code of an account's own binding; a code that passes uses
 * up its step. Returns the refusal, to be thrown once the failure is written.
 */
export function checkBoundCode(
  state: ServerState,
  ctx: DomainContext,
  account: AccountRecord,
  code: string,
  use: Exclude<CodeUse, 'bind'>,
): DomainError | null {
  if (!account.mfa) throw new DomainError('MFA_NOT_BOUND');
  const step = checkDynamicCode(
    state,
    ctx,
    account,
    account.mfa.secret,
    account.mfa.lastUsedStep,
    code,
    use,
  );
  if (step instanceof DomainError) return step;
  account.mfa.lastUsedStep = step;
  return null;
}

/**
 * RECOVERY-2: a recovery code of the account's set stands in for the dynamic
 * code, once. Wrong ones count toward the lockout like wrong dynamic codes; a
 * right one reopens code entry, is recorded and emailed, with how many are left.
 */
export function checkRecoveryCode(
  state: ServerState,
  ctx: DomainContext,
  account: AccountRecord,
  input: string,
  use: RecoveryCodeUse,
): DomainError | null {
  if (!account.mfa) throw new DomainError('MFA_NOT_BOUND');
  requireCodeEntryOpen(account, ctx);
  const { recoveryCodes } = account.mfa;
  if (!redeemRecoveryCode(recoveryCodes, RECOVERY_CODE_KEY, account.id, input, ctx.now)) {
    return countCodeFailure(state, ctx, account, use, 'recovery');
  }
  reopenCodeEntry(account);
  const left = recoveryCodesLeft(recoveryCodes);
  recordAudit(state, ctx, account.id, 'mfa.recovery_code_used', { use, left });
  sendEmail(state, ctx, account, (t) => ({
    subject: t('mail.recoveryCodeUsed.subject'),
    body: t('mail.recoveryCodeUsed.body', {
      use: t(RECOVERY_CODE_USE_MAIL[use]),
      at: formatTimeForEmail(ctx.now),
      count: left,
    }),
  }));
  return null;
}

/** How the recovery code email says what the code was used for. */
const RECOVERY_CODE_USE_MAIL: Record<RecoveryCodeUse, MailKey> = {
  login: 'mail.recoveryCodeUse.login',
  unbind: 'mail.recoveryCodeUse.unbind',
  change: 'mail.recoveryCodeUse.change',
  regenerate: 'mail.recoveryCodeUse.regenerate',
  security_key: 'mail.recoveryCodeUse.securityKey',
};

/**
 * The dynamic code of the account's binding, one of its recovery codes, or
 * one of its security keys, answering a challenge of this session (KEY-2).
 */
export function checkSecondFactor(
  state: ServerState,
  ctx: DomainContext,
  account: AccountRecord,
  session: SessionRecord,
  proof: SecondFactor,
  use: RecoveryCodeUse,
): DomainError | null {
  if ('securityKey' in proof) {
    if (!account.mfa) throw new DomainError('MFA_NOT_BOUND');
    const purpose = use === 'login' ? 'login' : 'step-up';
    return checkSecurityKey(state, ctx, account, session, proof.securityKey, purpose);
  }
  return 'recoveryCode' in proof
    ? checkRecoveryCode(state, ctx, account, proof.recoveryCode, use)
    : checkBoundCode(state, ctx, account, proof.code, use);
}
