import { useEffect } from 'react';
import { Outlet, useMatch } from 'react-router-dom';
import { appPaths } from '@/api/app-paths';
import { onSessionInterrupted } from '@/api/client';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { PageCard } from '@/components/page-card';
import { Spinner } from '@/components/spinner';
import { useSessionEnd } from '@/features/auth/session-end';
import { errorMessage } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useSession, useSessionCache } from '@/lib/session';
import styles from './session-boundary.module.css';

/**
 * Loads the session before any route decides what to show. When the server says
 * the session is gone, it becomes anonymous; when it says the session owes MFA,
 * the session is refetched. Either way the guards then send the user to the
 * login page with `returnTo` (the only global error handling, HOUSE rule 4).
 * The login and password-reset pages paint before the session is known, and
 * stay when it cannot be had: their forms are what a signed-out visit shows,
 * their own submit says when the server cannot be reached, and a page-level
 * error in their place would throw away what was typed (QUAL-1).
 */
export function SessionBoundary() {
  const cache = useSessionCache();
  const session = useSession();
  const onLoginPage = useMatch(appPaths.login.pattern) !== null;
  const onPasswordReset = useMatch(appPaths.passwordReset.pattern) !== null;
  const formNeedsNoSession = onLoginPage || onPasswordReset;
  const setReason = useSessionEnd((state) => state.setReason);

  useEffect(
    () =>
      onSessionInterrupted((error) => {
        if (error.code === 'MFA_REQUIRED' || error.code === 'MFA_SETUP_REQUIRED') {
          // The session now owes MFA: its new state decides where the user goes.
          void cache.refetch();
          return;
        }
        const current = cache.current();
        if (error.code === 'SESSION_ENDED') setReason(error.endedBy ?? 'expired');
        else if (current && current.state !== 'anonymous') setReason('expired');
        cache.end();
      }),
    [cache, setReason],
  );

  if (session.data || formNeedsNoSession) return <Outlet />;
  if (session.error)
    return (
      <SessionUnavailable
        error={session.error}
        retry={() => void session.refetch()}
        busy={session.isRefetching}
      />
    );
  return <BootSpinner />;
}

/** Without a session nothing can be shown; say why in words and offer a retry (QUAL-1). */
function SessionUnavailable({
  error,
  retry,
  busy,
}: {
  error: unknown;
  retry: () => void;
  busy: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  return (
    <main id="main" className={styles.boot}>
      <PageCard title={t('common.loadFailed')}>
        <Alert
          tone="danger"
          action={
            <Button size="sm" onClick={retry} busy={busy}>
              {t('common.retry')}
            </Button>
          }
        >
          {errorMessage(t, language, error)}
        </Alert>
      </PageCard>
    </main>
  );
}

/** Shown while the first page's code loads. */
export function BootSpinner() {
  const t = useT();
  return (
    <div className={styles.boot}>
      <Spinner label={t('app.loading')} />
    </div>
  );
}
