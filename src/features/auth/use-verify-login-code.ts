import { useMutation } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { Session } from '@/api/schemas/session';
import { useSessionCache } from '@/lib/session';

/** LOGIN-3 / LOGIN-6: the code owed; the answer is the new, full session. */
export function useVerifyLoginCode() {
  const cache = useSessionCache();
  return useMutation({
    mutationFn: (code: string) =>
      request<Session>(paths.sessionMfa.href, { method: 'POST', body: { code } }),
    onSuccess: (session) => cache.replace(session),
  });
}
