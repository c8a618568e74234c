import type { Account } from '@/api/schemas/account';
import { QueryState } from '@/components/query-state';
import { formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useSecurityKeys } from '../api/security-key-requests';
import { AddSecurityKey } from './add-security-key';
import { RemoveSecurityKey } from './remove-security-key';
import { RenameSecurityKey } from './rename-security-key';
import styles from './security-keys.module.css';

/**
 * KEY-1: the keys of the Security keys row: each with when it was added and
 * last used, Rename and Remove; and Add, once MFA is bound, up to the limit.
 */
export function SecurityKeysPanel({ account }: { account: Account }) {
  const t = useT();
  const language = useLanguage();
  const keys = useSecurityKeys();
  if (!account.mfa.bound) return <p className={styles.muted}>{t('keys.bindFirst')}</p>;
  return (
    <QueryState query={keys}>
      {(data) => (
        <div className={styles.panel}>
          {data.keys.length === 0 ? (
            <p className={styles.muted}>{t('keys.none')}</p>
          ) : (
            <ul className={styles.list} aria-label={t('keys.listLabel')}>
              {data.keys.map((key) => (
                <li key={key.id} className={styles.key}>
                  <div className={styles.keyText}>
                    <span className={styles.keyName}>{key.name}</span>
                    <span className={styles.muted}>
                      {t('keys.added', { time: formatDateTime(key.addedAt, language) })}
                      {' · '}
                      {key.lastUsedAt === null
                        ? t('keys.neverUsed')
                        : t('keys.lastUsed', { time: formatDateTime(key.lastUsedAt, language) })}
                    </span>
                  </div>
                  <div className={styles.actions}>
                    <RenameSecurityKey securityKey={key} />
                    <RemoveSecurityKey securityKey={key} />
                  </div>
                </li>
              ))}
            </ul>
          )}
          <div>
            <AddSecurityKey hasKeys={data.keys.length > 0} full={data.keys.length >= data.max} />
          </div>
        </div>
      )}
    </QueryState>
  );
}
