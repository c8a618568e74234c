import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import { sessionKeys, sessionQueryOptions } from '@/lib/session';

/** LOGIN-7: logging out ends the session on the server, then forgets everything cached. */
export function useLogOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(paths.session, { method: 'DELETE' }),
    onSuccess: () => {
      queryClient.setQueryData(sessionQueryOptions.queryKey, { state: 'anonymous' });
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.all[0] });
    },
  });
}
