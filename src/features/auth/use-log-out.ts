import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import { sessionKeys, sessionQueryOptions } from '@/lib/session';
import { useSessionEnd } from '@/lib/session-end';
import { discardAllDrafts } from '@/lib/drafts';

/**
 * LOGIN-7: logging out ends the session on the server, then forgets everything
 * cached. It lands on a plain login page: a `returnTo` is for an interrupted
 * user, not for the next person at this computer.
 */
export function useLogOut() {
  const queryClient = useQueryClient();
  const setEndReason = useSessionEnd((state) => state.setReason);
  return useMutation({
    mutationFn: () => request(paths.session.href, { method: 'DELETE' }),
    onSuccess: () => {
      setEndReason('logged-out');
      discardAllDrafts();
      queryClient.setQueryData(sessionQueryOptions.queryKey, { state: 'anonymous' });
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.all[0] });
    },
  });
}
