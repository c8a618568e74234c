import { Link } from 'react-router-dom';
import { appPaths } from '@/api/app-paths';
import { RECOVERY_CODES_LOW } from '@/api/limits';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import type { MessageKey } from '@/lib/i18n/en';
import { useT } from '@/lib/i18n/i18n';
import { useRecoveryNotice } from './recovery-notice-store';

/** What to do next, for someone without their app first, then for someone with it. */
const NEXT_STEPS: readonly { situation: MessageKey; to: string; action: MessageKey }[] = [
  {
    situation: 'recovery.withoutApp',
    to: appPaths.changeAuthenticator.href,
    action: 'change.title',
  },
  { situation: 'recovery.withApp', to: appPaths.account.href, action: 'recovery.makeNew' },
];

/**
 * RECOVERY-2: after a sign-in with a recovery code, how many are left, on
 * whatever page it led to, and what to do next. Regenerate asks for a dynamic
 * code, which someone without their phone cannot give, so the way that needs
 * no phone comes first: Change authenticator takes a recovery code (RECOVERY-4)
 * and ends by offering new codes from the new app.
 */
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
      <p>{t('recovery.usedNotice', { count: left })}</p>
      {NEXT_STEPS.map(({ situation, to, action }) => (
        <p key={to}>
          {t(situation)}{' '}
          <Link to={to} onClick={dismiss}>
            {t(action)}
          </Link>
        </p>
      ))}
    </Alert>
  );
}
