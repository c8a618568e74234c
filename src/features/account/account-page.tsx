import type { ReactNode } from 'react';
import type { Account } from '@/api/schemas/account';
import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { formatDate } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import styles from './account.module.css';
import { useAccount } from './api/account-queries';
import { MfaRow } from './mfa-row';
import { PasswordRow } from './password-row';
import { RecoveryCodesRow } from './recovery-codes-row';
import { RememberedBrowsersCard } from './remembered-browsers-card';
import { RetentionRow } from './retention-row';
import { SecurityKeysRow } from './security-keys-row';
import { SecurityLog } from './security-log';
import { SessionsCard } from './sessions-card';

/**
 * Account Management: the profile, Security Settings (SEC-1, SEC-2: MFA, the
 * recovery codes (RECOVERY-3), the password, the login retention time), the
 * active sessions, the remembered browsers (REMEMBER-1) and the security log. The actions of the MFA and
 * recovery-code rows come from the MFA feature, composed in by the app.
 */
export function AccountPage({
  mfaAction,
  recoveryCodesAction,
  securityKeys,
}: {
  mfaAction: (account: Account) => ReactNode;
  recoveryCodesAction: (account: Account) => ReactNode;
  /** KEY-1: the Security keys row's list and actions. */
  securityKeys: (account: Account) => ReactNode;
}) {
  const t = useT();
  const language = useLanguage();
  const account = useAccount();
  return (
    <>
      <PageHeader title={t('account.title')} />
      <QueryState query={account}>
        {(data) => (
          <div className={styles.sections}>
            <Card title={t('account.profile')}>
              <dl className={styles.profile}>
                <div>
                  <dt>{t('account.name')}</dt>
                  <dd>{data.name}</dd>
                </div>
                <div>
                  <dt>{t('account.email')}</dt>
                  <dd>{data.email}</dd>
                </div>
                <div>
                  <dt>{t('account.createdAt')}</dt>
                  <dd>{formatDate(data.createdAt, language)}</dd>
                </div>
              </dl>
            </Card>
            <Card title={t('account.securitySettings')}>
              <ul className={styles.rows}>
                <MfaRow account={data} action={mfaAction(data)} />
                <RecoveryCodesRow account={data} action={recoveryCodesAction(data)} />
                <SecurityKeysRow>{securityKeys(data)}</SecurityKeysRow>
                <PasswordRow account={data} />
                <RetentionRow retention={data.retention} />
              </ul>
            </Card>
            <SessionsCard />
            <RememberedBrowsersCard />
            <SecurityLog />
          </div>
        )}
      </QueryState>
    </>
  );
}
