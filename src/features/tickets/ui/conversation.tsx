import type { TicketEntry } from '@/api/schemas/tickets';
import { Badge } from '@/components/badge';
import { formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { ticketEventKey } from '../ticket-labels';
import { AttachmentList } from './attachment-list';
import styles from './conversation.module.css';

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');
}

/** TICKET-6: the conversation, oldest first, with what happened to the ticket in between. */
export function Conversation({ entries }: { entries: readonly TicketEntry[] }) {
  const t = useT();
  const language = useLanguage();
  return (
    <ol className={styles.conversation} aria-label={t('tickets.detail.conversation')}>
      {entries.map((entry) =>
        entry.kind === 'event' ? (
          <li key={entry.id} className={styles.event}>
            <span className={styles.eventText}>
              {t(ticketEventKey(entry.event))} ·{' '}
              <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
            </span>
          </li>
        ) : (
          <li key={entry.id} className={styles.message} data-role={entry.author.role}>
            <span className={styles.messageAvatar} aria-hidden="true">
              {initialsOf(entry.author.name)}
            </span>
            <article className={styles.messageBody} aria-label={entry.author.name}>
              <header className={styles.messageHead}>
                <span className={styles.messageAuthor}>{entry.author.name}</span>
                {entry.author.role === 'agent' && (
                  <Badge tone="info">{t('tickets.detail.customerService')}</Badge>
                )}
                <time className={styles.messageTime} dateTime={entry.at}>
                  {formatDateTime(entry.at, language)}
                </time>
              </header>
              <p className={styles.messageText}>{entry.body}</p>
              <AttachmentList attachments={entry.attachments} />
            </article>
          </li>
        ),
      )}
    </ol>
  );
}
