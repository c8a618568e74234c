import { useState } from 'react';
import { AUDIT_KINDS, type AuditKind } from '@/api/schemas/mfa';
import { Card } from '@/components/card';
import { EmptyState } from '@/components/empty-state';
import { Pagination } from '@/components/pagination';
import { QueryState } from '@/components/query-state';
import { SelectField } from '@/components/select-field';
import { formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import styles from './account.module.css';
import { useSecurityLog } from './api/account-queries';
import { auditLine, deviceLine } from './audit-lines';

export const SECURITY_LOG_PAGE_SIZES = [10, 20, 50] as const;
const ALL = 'all';

/** LOG-1: the account's security events with time and browser, newest first, a page at a time. */
export function SecurityLog() {
  const t = useT();
  const language = useLanguage();
  const [kind, setKind] = useState<AuditKind | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState<number>(SECURITY_LOG_PAGE_SIZES[0]);
  const log = useSecurityLog({ kind, page, pageSize });
  return (
    <Card title={t('audit.title')} description={t('audit.subtitle')}>
      <div className={styles.logFilters}>
        <SelectField
          label={t('audit.filter')}
          value={kind ?? ALL}
          onChange={(event) => {
            const value = event.target.value;
            setKind(value === ALL ? undefined : (value as AuditKind));
            setPage(1);
          }}
          options={[
            { value: ALL, label: t('audit.kind.all') },
            ...AUDIT_KINDS.map((value) => ({ value, label: t(`audit.kind.${value}`) })),
          ]}
        />
      </div>
      <QueryState query={log}>
        {(data) =>
          data.total === 0 ? (
            <EmptyState title={kind ? t('audit.emptyKind') : t('audit.empty')} />
          ) : (
            <>
              <ol className={styles.log} aria-busy={log.isPlaceholderData}>
                {data.events.map((entry) => (
                  <li key={entry.id} className={styles.logEntry}>
                    <span className={styles.logWhat}>
                      <span>{auditLine(t, language, entry)}</span>
                      {entry.device && (
                        <span className={styles.logDevice}>{deviceLine(t, entry.device)}</span>
                      )}
                    </span>
                    <time className={styles.logTime} dateTime={entry.at}>
                      {formatDateTime(entry.at, language)}
                    </time>
                  </li>
                ))}
              </ol>
              <Pagination
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                pageSizes={SECURITY_LOG_PAGE_SIZES}
                onPage={setPage}
                onPageSize={(size) => {
                  setPageSize(size);
                  setPage(1);
                }}
                label={t('audit.pages')}
              />
            </>
          )
        }
      </QueryState>
    </Card>
  );
}
