import { useMutation } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import { useSessionCache } from '@/lib/session';
import { useSessionEnd } from '@/lib/session-end';
import { discardAllDrafts } from '@/lib/drafts';

/**
 * LOGIN-7: logging out ends the session on the server, then forgets everything
 * cached. It lands on a plain login page: a `returnTo` is for an interrupted
 * user, not for the next person at this computer.
 */
export function useLogOut() {
  const cache = useSessionCache();
  const setEndReason = useSessionEnd((state) => state.setReason);
  return useMutation({
    mutationFn: () => request(paths.session.href, { method: 'DELETE' }),
    onSuccess: () => {
      setEndReason('logged-out');
      discardAllDrafts();
      cache.end();
      cache.forgetTheRest();
    },
  });
}
