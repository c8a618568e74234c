import { useMutation } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { LoginRequest, Session } from '@/api/schemas/session';
import { useSessionCache } from '@/lib/session';

export function useLogIn() {
  const cache = useSessionCache();
  return useMutation({
    mutationFn: (credentials: LoginRequest) =>
      request<Session>(paths.session.href, { method: 'POST', body: credentials }),
    onSuccess: (session) => cache.replace(session),
  });
}
