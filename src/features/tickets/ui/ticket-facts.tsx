import type { ReactNode } from 'react';
import type { TicketDetail } from '@/api/schemas/tickets';
import { formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { ticketTypeKey } from '../ticket-labels';
import styles from './ticket-facts.module.css';
import { TicketNumber } from './ticket-number';
import { TicketStatusBadge } from './ticket-status-badge';

/** TICKET-6: number, status, type, submitter, workspace, and when things happen. */
export function TicketFacts({ ticket, extra }: { ticket: TicketDetail; extra?: ReactNode }) {
  const t = useT();
  const language = useLanguage();
  return (
    <dl className={styles.facts}>
      <div>
        <dt>{t('tickets.field.number')}</dt>
        <dd>
          <TicketNumber number={ticket.number} />
        </dd>
      </div>
      <div>
        <dt>{t('tickets.field.status')}</dt>
        <dd>
          <TicketStatusBadge status={ticket.status} />
        </dd>
      </div>
      <div>
        <dt>{t('tickets.field.type')}</dt>
        <dd>{t(ticketTypeKey(ticket.type))}</dd>
      </div>
      <div>
        <dt>{t('tickets.field.submitter')}</dt>
        <dd>
          {ticket.requester.name}
          <span className={styles.factNote}>{ticket.requester.email}</span>
        </dd>
      </div>
      <div>
        <dt>{t('tickets.field.workspace')}</dt>
        <dd>{ticket.workspace?.name ?? t('tickets.noWorkspace')}</dd>
      </div>
      <div>
        <dt>{t('tickets.field.created')}</dt>
        <dd>{formatDateTime(ticket.createdAt, language)}</dd>
      </div>
      {ticket.autoCloseAt && (
        <div>
          <dt>{t('tickets.field.autoClose')}</dt>
          <dd>{formatDateTime(ticket.autoCloseAt, language)}</dd>
        </div>
      )}
      {ticket.closedAt && (
        <div>
          <dt>{t('tickets.field.closed')}</dt>
          <dd>{formatDateTime(ticket.closedAt, language)}</dd>
        </div>
      )}
      {extra}
    </dl>
  );
}
