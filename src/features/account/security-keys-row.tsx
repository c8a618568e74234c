import type { ReactNode } from 'react';
import { useT } from '@/lib/i18n/i18n';
import styles from './account.module.css';

/** KEY-1: the Security keys row; its list and actions come from the MFA feature. */
export function SecurityKeysRow({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <li className={styles.row}>
      <div className={styles.rowText}>
        <h3 className={styles.rowTitle}>{t('keys.rowTitle')}</h3>
        <p className={styles.rowDescription}>{t('keys.rowDescription')}</p>
        {children}
      </div>
    </li>
  );
}
