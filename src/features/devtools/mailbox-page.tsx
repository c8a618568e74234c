import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { EmailMessage } from '@/api/schemas/dev';
import { Card } from '@/components/card';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useMailbox } from './api/dev-queries';
import styles from './devtools.module.css';

/** MOCK-8: every email the mock server sent, newest first. */
export function MailboxPage() {
  const t = useT();
  const language = useLanguage();
  const mailbox = useMailbox();
  return (
    <>
      <PageHeader title={t('dev.mailbox')} subtitle={t('dev.mailboxSubtitle')} />
      <QueryState query={mailbox}>
        {(messages) =>
          messages.length === 0 ? (
            <Card>
              <EmptyState title={t('dev.mailboxEmpty')} />
            </Card>
          ) : (
            <ol className={styles.mails} aria-label={t('dev.mailbox')}>
              {messages.map((message) => (
                <li key={message.id}>
                  <article className={styles.mail} aria-labelledby={`subject-${message.id}`}>
                    <h2 id={`subject-${message.id}`} className={styles.subject}>
                      {message.subject}
                    </h2>
                    <p className={styles.meta}>
                      <span>
                        {t('dev.to')}: <strong>{message.to}</strong>
                      </span>
                      <span>
                        {t('dev.sentAt')}:{' '}
                        <time dateTime={message.sentAt}>
                          {formatDateTime(message.sentAt, language)}
                        </time>
                      </span>
                    </p>
                    <p className={styles.body}>
                      <MailBody message={message} />
                    </p>
                  </article>
                </li>
              ))}
            </ol>
          )
        }
      </QueryState>
    </>
  );
}

/** A path of this app: one leading `/`, not followed by another or by `\\`. */
const APP_PATH = /^\/(?![/\\])/;

/**
 * An email's text, with the links the server marked in it made links, as a
 * mail client would (the Unbind MFA notice's cancel link, TICKET-12). Nothing
 * is found in the text: a path a user typed into a ticket's title stays text.
 * A mark that does not match the text, overlaps another or leaves the app is
 * ignored, so a bad record shows as plain text.
 */
export function MailBody({ message }: { message: Pick<EmailMessage, 'body' | 'links'> }) {
  const { body } = message;
  const parts: ReactNode[] = [];
  let from = 0;
  for (const { at, path } of [...message.links].sort((a, b) => a.at - b.at)) {
    if (at < from || body.slice(at, at + path.length) !== path || !APP_PATH.test(path)) continue;
    parts.push(body.slice(from, at));
    parts.push(
      <Link key={at} to={path}>
        {path}
      </Link>,
    );
    from = at + path.length;
  }
  parts.push(body.slice(from));
  return <>{parts}</>;
}
