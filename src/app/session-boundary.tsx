import { useEffect } from 'react';
import { Outlet } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { onSessionGone } from '@/api/client';
import { QueryState } from '@/components/query-state';
import { Spinner } from '@/components/spinner';
import { useT } from '@/lib/i18n/i18n';
import { sessionQueryOptions, useSession } from '@/lib/session';
import { useSessionEnd } from '@/lib/session-end';
import { useDocumentPreferences } from './use-document-preferences';
import styles from './session-boundary.module.css';

/**
 * Loads the session before any route decides what to show, and turns "the server
 * says the session is gone" into the anonymous state, which the guards then send
 * to the login page with `returnTo` (the only global error handling, HOUSE rule 4).
 */
export function SessionBoundary() {
  useDocumentPreferences();
  const queryClient = useQueryClient();
  const session = useSession();
  const setReason = useSessionEnd((state) => state.setReason);

  useEffect(
    () =>
      onSessionGone(() => {
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
