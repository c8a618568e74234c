import type { ReactNode } from 'react';
import { RECOVERY_CODES_LOW } from '@/api/limits';
import type { Account } from '@/api/schemas/account';
import { Alert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { useT } from '@/lib/i18n/i18n';
import styles from './account.module.css';

/**
 * RECOVERY-3: how many recovery codes are left, a warning at 2 or fewer, and
 * the action on the right (Regenerate, from the MFA feature). Only with a binding.
 */
export function RecoveryCodesRow({ account, action }: { account: Account; action: ReactNode }) {
  const t = useT();
  const left = account.mfa.recoveryCodesLeft;
  if (!account.mfa.bound || left === null) return null;
  const low = left <= RECOVERY_CODES_LOW;
  return (
    <li className={styles.row}>
      <div className={styles.rowText}>
        <h3 className={styles.rowTitle}>
          {t('recovery.rowTitle')}
          <Badge tone={low ? 'warning' : 'success'}>{t('recovery.rowLeft', { count: left })}</Badge>
        </h3>
        <p className={styles.rowDescription}>{t('recovery.rowDescription')}</p>
        {low && (
          <Alert tone="warning">
            {left === 0 ? t('recovery.rowEmpty') : t('recovery.rowLow', { count: left })}
          </Alert>
        )}
      </div>
      <div className={styles.rowAction}>{action}</div>
    </li>
  );
}
