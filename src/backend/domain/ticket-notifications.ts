import { DAY_MS } from '@/api/limits';
import { accountById } from './accounts';
import type { DomainContext } from './context';
import { TICKET_AUTO_CLOSE_MS } from './limits';
import { formatTimeForEmail, type MailBody, type MailPart, sendEmail } from './mail';
import type { ServerState, TicketRecord } from './state';

/** TICKET-7: each step of a ticket the requester is told about by email. */
export type TicketNotice =
  | { kind: 'received' }
  /** TICKET-12: an Unbind MFA request, with the link that cancels it. */
  | { kind: 'unbind_requested'; cancelPath: string }
  | { kind: 'unbind_canceled' }
  | { kind: 'accepted' }
  | { kind: 'replied'; reply: string }
  | { kind: 'closed_by_agent' }
  | { kind: 'closed_automatically' };

const AUTO_CLOSE_DAYS = TICKET_AUTO_CLOSE_MS / DAY_MS;

function noticeText(
  ticket: TicketRecord,
  notice: TicketNotice,
): { subject: string; body: MailBody } {
  switch (notice.kind) {
    case 'received':
      return {
        subject: 'We received your ticket',
        body:
          ticket.type === 'unbind_mfa'
            ? 'Customer service will review your Unbind MFA request. Your MFA stays bound until they ' +
              'have checked it; you will get an email when it is unbound. Then log in with your ' +
              'password alone, and bind MFA again in Account Management.'
            : 'Customer service will pick it up soon. You will get an email at each step.',
      };
    case 'unbind_requested':
      return {
        subject: 'An Unbind MFA request was filed for your account',
        body: [
          'Someone who knows your password asked customer service to unbind MFA from your ' +
            'account. Your MFA stays bound until an agent has reviewed the request.\n\n' +
            'If this was not you, cancel the request: ',
          { link: notice.cancelPath },
          '\nThe link works until customer service starts on it. Then change your password.',
        ],
      };
    case 'unbind_canceled':
      return {
        subject: 'Your Unbind MFA request was canceled',
        body: 'The request was canceled with the link in our email. Your MFA stays bound.',
      };
    case 'accepted':
      return {
        subject: 'Customer service is working on your ticket',
        body: 'Your ticket was accepted by customer service. You will get an email when they reply.',
      };
    case 'replied':
      return {
        subject: 'Customer service replied to your ticket',
        body:
          `${notice.reply}\n\nReply in Ticket Management. Without an answer the ticket closes by itself ` +
          `after ${AUTO_CLOSE_DAYS} days.`,
      };
    case 'closed_by_agent':
      return {
        subject: 'Your ticket was closed',
        body: 'Customer service closed your ticket. You can rate their help in Ticket Management.',
      };
    case 'closed_automatically':
      return {
        subject: 'Your ticket was closed',
        body:
          `Customer service replied on ${formatTimeForEmail(ticket.feedbackAt ?? ticket.updatedAt)} ` +
          `and there was no answer for ${AUTO_CLOSE_DAYS} days, so the ticket was closed. ` +
          'You can rate the answer in Ticket Management, or submit a new ticket.',
      };
  }
}

/** Emails the requester about their ticket; the subject names it, the body ends with its title. */
export function notifyRequester(
  state: ServerState,
  ctx: DomainContext,
  ticket: TicketRecord,
  notice: TicketNotice,
): void {
  const { subject, body } = noticeText(ticket, notice);
  sendEmail(state, ctx, {
    to: accountById(state, ticket.requesterId).email,
    subject: `[${ticket.number}] ${subject}`,
    // The title is the requester's text: never a link, whatever it looks like.
    body: ([] as MailPart[]).concat(body, `\n\nTicket ${ticket.number}: ${ticket.title}`),
  });
}
