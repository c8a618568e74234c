import { Link } from 'react-router-dom';
import { RECOVERY_CODES_LOW } from '@/api/limits';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { useT } from '@/lib/i18n/i18n';
import { useRecoveryNotice } from '@/lib/recovery-notice';
import { appPaths } from './paths';

/** RECOVERY-2: after a sign-in with a recovery code, how many are left, on whatever page it led to. */
export function RecoveryNotice() {
  const t = useT();
  const left = useRecoveryNotice((state) => state.left);
  const dismiss = useRecoveryNotice((state) => state.dismiss);
  if (left === null) return null;
  return (
    <Alert
      tone={left <= RECOVERY_CODES_LOW ? 'warning' : 'info'}
      action={
        <Button size="sm" variant="ghost" onClick={dismiss}>
          {t('recovery.dismiss')}
        </Button>
      }
    >
      {t('recovery.usedNotice', { count: left })}{' '}
      <Link to={appPaths.account.href} onClick={dismiss}>
        {t('recovery.makeNew')}
      </Link>
    </Alert>
  );
}
