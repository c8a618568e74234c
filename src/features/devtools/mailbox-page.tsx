import { Link } from 'react-router-dom';
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
                      <MailBody text={message.body} />
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

/**
 * A path of this app in an email (the Unbind MFA notice's cancel link,
 * TICKET-12), standing alone between spaces: one leading `/`, no second one
 * right after it, and only the characters our links use.
 */
const APP_LINK = /(?<=^|\s)(\/(?!\/)[A-Za-z0-9/_-]*(?:\?[A-Za-z0-9_=&%.-]*)?)(?=$|\s)/;

/** An email's text, with the app's links made links, as a mail client would. */
export function MailBody({ text }: { text: string }) {
  const parts = text.split(new RegExp(APP_LINK.source, 'g'));
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <Link key={index} to={part}>
            {part}
          </Link>
        ) : (
          part
        ),
      )}
    </>
  );
}
