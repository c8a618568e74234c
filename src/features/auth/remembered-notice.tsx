import { Link } from 'react-router-dom';
import { appPaths } from '@/api/app-paths';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { useT } from '@/lib/i18n/i18n';
import { useRememberedNotice } from './remembered-notice-store';

/**
 * REMEMBER-1: a login that skipped the code says so on the page it led to, so
 * a member who did not expect it learns where to forget the browser.
 */
export function RememberedNotice() {
  const t = useT();
  const shown = useRememberedNotice((state) => state.shown);
  const set = useRememberedNotice((state) => state.set);
  if (!shown) return null;
  return (
    <Alert
      tone="info"
      action={
        <Button size="sm" variant="ghost" onClick={() => set(false)}>
          {t('remember.dismiss')}
        </Button>
      }
    >
      <p>
        {t('remember.signedIn')}{' '}
        <Link to={appPaths.account.href} onClick={() => set(false)}>
          {t('remember.manage')}
        </Link>
      </p>
    </Alert>
  );
}
