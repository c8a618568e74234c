import { Link } from 'react-router-dom';
import type { TicketSummary } from '@/api/schemas/tickets';
import tableStyles from '@/components/data-table.module.css';
import { ScrollRegion } from '@/components/scroll-region';
import { formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { ticketTypeKey } from '../ticket-labels';
import { TicketNumber } from './ticket-number';
import { TicketStatusBadge } from './ticket-status-badge';
import styles from './ticket-table.module.css';

export type TicketColumn = 'submitter' | 'workspace';

/**
 * TICKET-1: one page of tickets; the title opens the ticket. The columns have
 * fixed widths and the cells wrap, so the table fits a 1280 px laptop beside
 * the navigation without sideways scrolling; the title takes what is left.
 */
export function TicketTable({
  tickets,
  columns,
  hrefOf,
  label,
  busy = false,
}: {
  tickets: readonly TicketSummary[];
  columns: readonly TicketColumn[];
  hrefOf: (ticket: TicketSummary) => string;
  label: string;
  /** A new page is on its way; the old one stays, dimmed, so nothing jumps. */
  busy?: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  return (
    <ScrollRegion label={label}>
      <table
        className={`${tableStyles.table} ${styles.ticketTable}`}
        aria-busy={busy || undefined}
        data-busy={busy || undefined}
      >
        <thead>
          <tr>
            <th scope="col" data-wide data-col="number">
              {t('tickets.field.numberShort')}
            </th>
            <th scope="col">{t('tickets.field.title')}</th>
            <th scope="col" data-wide data-col="type">
              {t('tickets.field.type')}
            </th>
            <th scope="col" data-wide data-col="status">
              {t('tickets.field.status')}
            </th>
            {columns.includes('submitter') && (
              <th scope="col" data-wide data-col="person">
                {t('tickets.field.submitter')}
              </th>
            )}
            {columns.includes('workspace') && !columns.includes('submitter') && (
              <th scope="col" data-wide data-col="person">
                {t('tickets.field.workspace')}
              </th>
            )}
            <th scope="col" data-wide data-col="updated">
              {t('tickets.field.updated')}
            </th>
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket) => (
            <tr key={ticket.id}>
              <td data-wide>
                <TicketNumber number={ticket.number} />
              </td>
              <td className={styles.titleCell}>
                <Link to={hrefOf(ticket)}>{ticket.title}</Link>
                {/* On a phone the other columns fold into this line. */}
                <span className={styles.narrowMeta}>
                  <TicketStatusBadge status={ticket.status} />
                  <span>
                    {ticket.number} · {t(ticketTypeKey(ticket.type))} ·{' '}
                    {formatDateTime(ticket.updatedAt, language)}
                  </span>
                </span>
              </td>
              <td data-wide>{t(ticketTypeKey(ticket.type))}</td>
              <td data-wide>
                <TicketStatusBadge status={ticket.status} />
              </td>
              {columns.includes('submitter') && (
                <td data-wide>
                  <span className={styles.person}>{ticket.requester.name}</span>
                  <span className={styles.personEmail}>{ticket.requester.email}</span>
                  {/* With both, the workspace rides along under the submitter to keep the table narrow. */}
                  {columns.includes('workspace') && (
                    <span className={styles.personEmail}>
                      {ticket.workspace?.name ?? t('tickets.noWorkspace')}
                    </span>
                  )}
                </td>
              )}
              {columns.includes('workspace') && !columns.includes('submitter') && (
                <td data-wide>{ticket.workspace?.name ?? t('tickets.noWorkspace')}</td>
              )}
              <td data-wide>
                <time dateTime={ticket.updatedAt}>
                  {formatDateTime(ticket.updatedAt, language)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
