import { useState } from 'react';
import { Link } from 'react-router-dom';
import { appPaths } from '@/api/app-paths';
import type { Account } from '@/api/schemas/account';
import { Alert } from '@/components/alert';
import { buttonClassName } from '@/components/button';
import { useT } from '@/lib/i18n/i18n';
import styles from './mfa-action.module.css';
import { UnbindButton } from './unbind-button';

/**
 * SEC-1: the actions on the right of the MFA row; bound, Change authenticator
 * beside Unbind (RECOVERY-4). The word that an unbind succeeded lives here, not
 * in Unbind, which is gone once the row reads Not Bound.
 */
export function MfaAction({ account }: { account: Account }) {
  const t = useT();
  const [unbound, setUnbound] = useState(false);
  if (account.mfa.bound) {
    return (
      <div className={styles.actions}>
        <Link to={appPaths.changeAuthenticator.href} className={buttonClassName()}>
          {t('account.changeAuthenticator')}
        </Link>
        <UnbindButton onUnbound={() => setUnbound(true)} />
      </div>
    );
  }
  return (
    <>
      <Link to={appPaths.bindMfa.href} className={buttonClassName('primary')}>
        {t('account.bind')}
      </Link>
      {unbound && <Alert tone="success">{t('unbind.done')}</Alert>}
    </>
  );
}
