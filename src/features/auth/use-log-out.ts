import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import { sessionKeys } from '@/lib/session';

/** LOGIN-7: logging out ends the session on the server, then forgets everything cached. */
export function useLogOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(paths.session, { method: 'DELETE' }),
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(sessionKeys.all, { state: 'anonymous' });
    },
  });
}
