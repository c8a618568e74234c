import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { TicketSummary } from '@/api/schemas/tickets';
import { useT } from '@/lib/i18n/i18n';
import { ticketTypeKey } from '../ticket-labels';
import styles from './ticket-layout.module.css';
import { TicketNumber } from './ticket-number';
import { TicketStatusBadge } from './ticket-status-badge';

/** The way back to a list, above a page's title. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className={styles.back}>
      <span aria-hidden="true">←</span> {children}
    </Link>
  );
}

/** Under a ticket's title: its number, type and status. */
export function TicketSubtitle({ ticket }: { ticket: TicketSummary }) {
  const t = useT();
  return (
    <span className={styles.subtitle}>
      <TicketNumber number={ticket.number} />
      <span aria-hidden="true">·</span>
      <span>{t(ticketTypeKey(ticket.type))}</span>
      <TicketStatusBadge status={ticket.status} />
    </span>
  );
}

/** A ticket page: notices across, the conversation beside the details (stacked on a phone). */
export function TicketLayout({
  notices,
  main,
  side,
  sideLabel,
}: {
  notices?: ReactNode;
  main: ReactNode;
  side: ReactNode;
  sideLabel: string;
}) {
  return (
    <>
      {notices && <div className={styles.notices}>{notices}</div>}
      <div className={styles.detailGrid}>
        <div className={styles.detailMain}>{main}</div>
        <aside className={styles.detailSide} aria-label={sideLabel}>
          {side}
        </aside>
      </div>
    </>
  );
}
