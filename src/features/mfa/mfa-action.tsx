import { Link } from 'react-router-dom';
import type { Account } from '@/api/schemas/account';
import { appPaths } from '@/app/paths';
import { buttonClassName } from '@/components/button';
import { useT } from '@/lib/i18n/i18n';
import { UnbindButton } from './unbind-button';

/** SEC-1: the one action on the right of the MFA row. */
export function MfaAction({ account }: { account: Account }) {
  const t = useT();
  if (account.mfa.bound) return <UnbindButton />;
  return (
    <Link to={appPaths.bindMfa.href} className={buttonClassName('primary')}>
      {t('account.bind')}
    </Link>
  );
}
