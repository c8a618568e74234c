import { DAY_MS } from '@/api/limits';
import { accountById } from './accounts';
import type { DomainContext } from './context';
import { TICKET_AUTO_CLOSE_MS } from './limits';
import {
  formatTimeForEmail,
  type MailBody,
  type MailPart,
  type MailTranslate,
  sendEmail,
} from './mail';
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
  t: MailTranslate,
  ticket: TicketRecord,
  notice: TicketNotice,
): { subject: string; body: MailBody } {
  switch (notice.kind) {
    case 'received':
      return {
        subject: t('mail.ticket.received.subject'),
        body: t(
          ticket.type === 'unbind_mfa'
            ? 'mail.ticket.received.bodyUnbind'
            : 'mail.ticket.received.body',
        ),
      };
    case 'unbind_requested':
      return {
        subject: t('mail.ticket.unbindRequested.subject'),
        body: [
          t('mail.ticket.unbindRequested.beforeLink'),
          { link: notice.cancelPath },
          t('mail.ticket.unbindRequested.afterLink'),
        ],
      };
    case 'unbind_canceled':
      return {
        subject: t('mail.ticket.unbindCanceled.subject'),
        body: t('mail.ticket.unbindCanceled.body'),
      };
    case 'accepted':
      return {
        subject: t('mail.ticket.accepted.subject'),
        body: t('mail.ticket.accepted.body'),
      };
    case 'replied':
      return {
        subject: t('mail.ticket.replied.subject'),
        body: t('mail.ticket.replied.body', { reply: notice.reply, days: AUTO_CLOSE_DAYS }),
      };
    case 'closed_by_agent':
      return {
        subject: t('mail.ticket.closed.subject'),
        body: t('mail.ticket.closedByAgent.body'),
      };
    case 'closed_automatically':
      return {
        subject: t('mail.ticket.closed.subject'),
        body: t('mail.ticket.closedAutomatically.body', {
          repliedAt: formatTimeForEmail(ticket.feedbackAt ?? ticket.updatedAt),
          days: AUTO_CLOSE_DAYS,
        }),
      };
  }
}

/**
 * Emails the requester about their ticket, in their language: the subject
 * names it, the body ends with its title.
 */
export function notifyRequester(
  state: ServerState,
  ctx: DomainContext,
  ticket: TicketRecord,
  notice: TicketNotice,
): void {
  sendEmail(state, ctx, accountById(state, ticket.requesterId), (t) => {
    const { subject, body } = noticeText(t, ticket, notice);
    return {
      subject: `[${ticket.number}] ${subject}`,
      // The title is the requester's text: never a link, whatever it looks like.
      body: ([] as MailPart[]).concat(
        body,
        `\n\n${t('mail.ticket.footer', { number: ticket.number, title: ticket.title })}`,
      ),
    };
  });
}
