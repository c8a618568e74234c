import { recordAudit } from './audit';
import type { DomainContext } from './context';
import { DomainError } from './errors';
import { CODE_LOCKOUT_MS, CODE_MAX_FAILURES, FAILURES_IN_A_ROW_MAX } from './limits';
import { formatTimeForEmail, sendEmail } from './mail';
import { notifyBlocked } from './sessions';
import type { AccountRecord, ServerState } from './state';
import { matchingStep } from './totp';

/**
 * What a dynamic code was typed for, as the security log records a wrong one;
 * `support_unbind` is an agent's step-up (TICKET-11).
 */
export type CodeUse = 'login' | 'bind' | 'unbind' | 'support_unbind' | 'password';

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
  account.codeFailures += 1;
  account.codeFailuresInARow += 1;
  if (account.codeFailuresInARow >= FAILURES_IN_A_ROW_MAX) {
    notifyBlocked(state, ctx, account, 'code');
    return new DomainError('RESET_REQUIRED');
  }
  recordAudit(state, ctx, account.id, 'mfa.code_failed', { use, attempt: account.codeFailures });
  if (account.codeFailures < CODE_MAX_FAILURES) return new DomainError('INVALID_CODE');

  account.codeFailures = 0;
  account.codeLockedUntil = ctx.now + CODE_LOCKOUT_MS;
  recordAudit(state, ctx, account.id, 'mfa.locked', { until: account.codeLockedUntil });
  sendEmail(state, ctx, {
    to: account.email,
    subject: 'MFA code entry locked after wrong codes',
    body:
      `${CODE_MAX_FAILURES} wrong dynamic codes were entered for your account in a row. ` +
      `Code entry is locked until ${formatTimeForEmail(account.codeLockedUntil)}. ` +
      'If this was not you, someone may know your password: change it as soon as you can.',
  });
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
