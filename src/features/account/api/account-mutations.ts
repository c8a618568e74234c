import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { ChangePasswordRequest, Retention, SessionsEnded } from '@/api/schemas/account';
import { accountKeys } from './account-keys';

/**
 * What Security Settings shows after a change: the sessions, the profile (its
 * retention time) and the security log. The session cache is not touched: the
 * server renews the session id in its cookie, and the session's state stays.
 */
function useRefetchAccount() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: accountKeys.all });
}

/** SESSION-1: Sign out one other session. */
export function useSignOutSession() {
  const refetch = useRefetchAccount();
  return useMutation({
    mutationFn: (sessionId: string) =>
      request(paths.accountSession.href(sessionId), { method: 'DELETE' }),
    onSettled: refetch,
  });
}

/** SESSION-1: Sign out all other sessions. */
export function useSignOutOtherSessions() {
  const refetch = useRefetchAccount();
  return useMutation({
    mutationFn: () => request<SessionsEnded>(paths.accountSessions.href, { method: 'DELETE' }),
    onSettled: refetch,
  });
}

/** SESSION-3: the login retention time, for every session of the account. */
export function useSetRetention() {
  const refetch = useRefetchAccount();
  return useMutation({
    mutationFn: (retention: Retention) =>
      request<Retention>(paths.accountRetention.href, { method: 'PUT', body: retention }),
    onSuccess: refetch,
  });
}

/** PASSWORD-1: the other sessions end (SESSION-2), so the list is refetched. */
export function useChangePassword() {
  const refetch = useRefetchAccount();
  return useMutation({
    mutationFn: (change: ChangePasswordRequest) =>
      request(paths.accountPassword.href, { method: 'POST', body: change }),
    onSuccess: refetch,
  });
}
