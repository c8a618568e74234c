import { type Query, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { Session } from '@/api/schemas/session';

const sessionKeys = {
  all: ['session'] as const,
};

const sessionQueryOptions = queryOptions({
  queryKey: sessionKeys.all,
  queryFn: ({ signal }) => request<Session>(paths.session.href, { signal }),
  staleTime: 60_000,
});

/** The session state the whole UI is a function of (LOGIN-2). */
export function useSession() {
  return useQuery(sessionQueryOptions);
}

export type ActiveSession = Extract<Session, { state: 'active' }>;

/** The active session, for screens that the guards only render when there is one. */
export function useActiveSession(): ActiveSession {
  const { data } = useSession();
  if (data?.state !== 'active') throw new Error('useActiveSession used outside an active session');
  return data;
}

const ANONYMOUS: Session = { state: 'anonymous' };

function isSessionQuery(query: Query): boolean {
  return query.queryKey[0] === sessionKeys.all[0];
}

/**
 * The one way to write the cached session, which every guard reads (HOUSE rules
 * 3 and 5): a new state must land in one entry under one key, or a guard acts
 * on a stale one. The rest of the cache was fetched under the old session, so
 * the operations that end or change it say what becomes of the rest.
 */
export function useSessionCache() {
  const queryClient = useQueryClient();
  return useMemo(
    () => ({
      /** The session as cached now, without asking the server. */
      current: (): Session | undefined => queryClient.getQueryData(sessionKeys.all),
      /** An answer that carries the session (login, code, bind, unbind, workspace switch) is the session now. */
      replace: (session: Session): void => {
        queryClient.setQueryData(sessionKeys.all, session);
      },
      /** The server said the session changed state without saying to what: ask it. */
      refetch: () => queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
      /** The session is gone; the guards send the user to log in. */
      end: (): void => {
        queryClient.setQueryData(sessionKeys.all, ANONYMOUS);
      },
      /** Nothing fetched under a session that ended may reach the next one at this computer. */
      forgetTheRest: (): void => {
        queryClient.removeQueries({ predicate: (query) => !isSessionQuery(query) });
      },
      /** What the rest of the cache shows may have changed with the session (MFA status). */
      refetchTheRest: () =>
        queryClient.invalidateQueries({ predicate: (query) => !isSessionQuery(query) }),
      /** The session and everything shown under it may have changed (a binding, a reset). */
      refetchAll: () => queryClient.invalidateQueries(),
    }),
    [queryClient],
  );
}
