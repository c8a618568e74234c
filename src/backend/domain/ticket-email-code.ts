import { accountById } from './accounts';
import type { DomainContext } from './context';
import { nextEmailCodeAt, sendEmailCode } from './email-codes';
import { DomainError } from './errors';
import { maskEmail } from './mfa';
import type { ServerState, SessionRecord } from './state';
import { requireTicketSubmitter } from './ticket-access';

/** TICKET-4: the email code that stands behind an Unbind MFA ticket. */
export function sendTicketEmailCode(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
): { resendAvailableAt: number } {
  requireTicketSubmitter(session);
  const account = accountById(state, session.accountId);
  if (!account.mfa) throw new DomainError('MFA_NOT_BOUND');
  return sendEmailCode(state, ctx, account, 'ticket', session.id);
}

/** Where the code is sent and when another may be, so a reload keeps the countdown. */
export function ticketEmailCodeStatus(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
): { maskedEmail: string; resendAvailableAt: number | null } {
  requireTicketSubmitter(session);
  const account = accountById(state, session.accountId);
  // An account without MFA has nothing to unbind, and no code to ask for.
  if (!account.mfa) throw new DomainError('MFA_NOT_BOUND');
  return {
    maskedEmail: maskEmail(account.email),
    resendAvailableAt: nextEmailCodeAt(state, ctx, account.id, 'ticket', session.id),
  };
}
