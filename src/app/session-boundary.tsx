import { useEffect } from 'react';
import { Outlet } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { onSessionInterrupted } from '@/api/client';
import { QueryState } from '@/components/query-state';
import { Spinner } from '@/components/spinner';
import { useT } from '@/lib/i18n/i18n';
import { sessionQueryOptions, useSession } from '@/lib/session';
import { useSessionEnd } from '@/lib/session-end';
import { useDocumentPreferences } from './use-document-preferences';
import styles from './session-boundary.module.css';

/**
 * Loads the session before any route decides what to show. When the server says
 * the session is gone, it becomes anonymous; when it says the session owes MFA,
 * the session is refetched. Either way the guards then send the user to the
 * login page with `returnTo` (the only global error handling, HOUSE rule 4).
 */
export function SessionBoundary() {
  useDocumentPreferences();
  const queryClient = useQueryClient();
  const session = useSession();
  const setReason = useSessionEnd((state) => state.setReason);

  useEffect(
    () =>
      onSessionInterrupted((error) => {
        if (error.code === 'MFA_REQUIRED' || error.code === 'MFA_SETUP_REQUIRED') {
          // The session now owes MFA: its new state decides where the user goes.
          void queryClient.invalidateQueries({ queryKey: sessionQueryOptions.queryKey });
          return;
        }
        const current = queryClient.getQueryData(sessionQueryOptions.queryKey);
        if (current && current.state !== 'anonymous') setReason('expired');
        queryClient.setQueryData(sessionQueryOptions.queryKey, { state: 'anonymous' });
      }),
    [queryClient, setReason],
  );

  return (
    <div className={styles.root}>
      <QueryState query={session}>{() => <Outlet />}</QueryState>
    </div>
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
