import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { Session } from '@/api/schemas/session';

export const sessionKeys = {
  all: ['session'] as const,
};

export const sessionQueryOptions = queryOptions({
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
