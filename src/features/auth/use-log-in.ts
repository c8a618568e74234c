import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import { sessionSchema, type LoginRequest } from '@/api/schemas/session';
import { sessionKeys } from '@/lib/session';

export function useLogIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) =>
      request(paths.session, { method: 'POST', body: credentials, schema: sessionSchema }),
    onSuccess: (session) => {
      queryClient.setQueryData(sessionKeys.all, session);
    },
  });
}
