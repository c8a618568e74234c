import { Button } from '@/components/button';
import { useT } from '@/lib/i18n/i18n';
import { useLogOut } from './api/auth-mutations';

/** Leaves a pending step: the half-open session is ended on the server. */
export function BackToLogin() {
  const t = useT();
  const logOut = useLogOut();
  return (
    <Button variant="link" onClick={() => logOut.mutate()} disabled={logOut.isPending}>
      {t('login.backToLogin')}
    </Button>
  );
}
