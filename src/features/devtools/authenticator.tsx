import { Card } from '@/components/card';
import tableStyles from '@/components/data-table.module.css';
import { EmptyState } from '@/components/empty-state';
import { QueryState } from '@/components/query-state';
import { ScrollRegion } from '@/components/scroll-region';
import { useT } from '@/lib/i18n/i18n';
import { useAuthenticator } from './api/dev-queries';
import styles from './devtools.module.css';

/** MOCK-8: the current codes of every bound account, as a phone app would show them. */
export function Authenticator() {
  const t = useT();
  const authenticator = useAuthenticator();
  return (
    <Card title={t('dev.authenticator')} description={t('dev.authenticatorHint')}>
      <QueryState query={authenticator}>
        {(data) =>
          data.accounts.length === 0 ? (
            <EmptyState title={t('dev.authenticatorEmpty')} />
          ) : (
            <ScrollRegion label={t('dev.authenticator')}>
              <table className={`${tableStyles.table} ${styles.authenticatorTable}`}>
                <thead>
                  <tr>
                    <th scope="col">{t('dev.account')}</th>
                    <th scope="col">{t('dev.currentCode')}</th>
                    <th scope="col">{t('dev.nextCode')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.accounts.map((account) => (
                    <tr key={account.email}>
                      <td>
                        {account.issuer}: {account.email}
                      </td>
                      <td>
                        <span className={styles.code}>{account.code}</span>{' '}
                        <span className={styles.muted}>
                          {t('dev.secondsLeft', { seconds: account.secondsLeft })}
                        </span>
                      </td>
                      <td className={styles.code}>{account.nextCode}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )
        }
      </QueryState>
    </Card>
  );
}
