import type { ReactNode } from 'react';
import type { Account } from '@/api/schemas/account';
import { Badge } from '@/components/badge';
import { formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import styles from './account.module.css';

/** SEC-1: MFA Authentication, its status, when it was bound, and the action on the right. */
export function MfaRow({ account, action }: { account: Account; action: ReactNode }) {
  const t = useT();
  const language = useLanguage();
  const { bound, boundAt } = account.mfa;
  return (
    <li className={styles.row}>
      <div className={styles.rowText}>
        <h3 className={styles.rowTitle}>
          {t('account.mfa')}
          <Badge tone={bound ? 'success' : 'warning'}>
            {bound ? t('account.bound') : t('account.notBound')}
          </Badge>
        </h3>
        <p className={styles.rowDescription}>
          {bound && boundAt
            ? t('account.boundAt', { date: formatDateTime(boundAt, language) })
            : t('account.mfaDescription')}
        </p>
      </div>
      <div className={styles.rowAction}>{action}</div>
    </li>
  );
}
