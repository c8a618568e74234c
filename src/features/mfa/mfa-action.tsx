import { Link } from 'react-router-dom';
import type { Account } from '@/api/schemas/account';
import { buttonClassName } from '@/components/button';
import { useT } from '@/lib/i18n/i18n';
import { UnbindButton } from './unbind-button';

export const BIND_PATH = '/account/mfa/bind';

/** SEC-1: the one action on the right of the MFA row. */
export function MfaAction({ account }: { account: Account }) {
  const t = useT();
  if (account.mfa.bound) return <UnbindButton />;
  return (
    <Link to={BIND_PATH} className={buttonClassName('primary')}>
      {t('account.bind')}
    </Link>
  );
}
