import type { AuditEvent } from '@/api/schemas/mfa';
import { Card } from '@/components/card';
import { EmptyState } from '@/components/empty-state';
import { QueryState } from '@/components/query-state';
import { formatDateTime } from '@/lib/format';
import type { MessageKey } from '@/lib/i18n/en';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import styles from './account.module.css';
import { useSecurityLog } from './api/account-queries';

function eventKey(entry: AuditEvent): MessageKey {
  if (entry.event === 'mfa.unbound' && entry.detail.by === 'support')
    return 'audit.mfa.unboundBySupport';
  return `audit.${entry.event}`;
}

/** MOCK-7: the account holder's own MFA events. */
export function SecurityLog() {
  const t = useT();
  const language = useLanguage();
  const log = useSecurityLog();
  return (
    <Card title={t('audit.title')} description={t('audit.subtitle')}>
      <QueryState query={log}>
        {(events) =>
          events.length === 0 ? (
            <EmptyState title={t('audit.empty')} />
          ) : (
            <ol className={styles.log}>
              {events.map((entry) => (
                <li key={entry.id} className={styles.logEntry}>
                  <span>{t(eventKey(entry), entry.detail)}</span>
                  <time className={styles.logTime} dateTime={entry.at}>
                    {formatDateTime(entry.at, language)}
                  </time>
                </li>
              ))}
            </ol>
          )
        }
      </QueryState>
    </Card>
  );
}
