import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { DevSettings } from '@/api/schemas/dev';
import { useSessionCache } from '@/lib/session';
import { devKeys } from './dev-keys';

/** The status holds the settings, and the clock offset moves the authenticator's codes. */
export function useSaveDevSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: DevSettings) =>
      request<DevSettings>(paths.devSettings.href, { method: 'PUT', body: settings }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: devKeys.all }),
  });
}

export function useDismissNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(paths.devNotice.href, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: devKeys.status() }),
  });
}

/** Reset wipes every session too, so everything cached is refetched. */
export function useResetDemoData() {
  const cache = useSessionCache();
  return useMutation({
    mutationFn: () => request(paths.devReset.href, { method: 'POST' }),
    onSuccess: () => cache.refetchAll(),
  });
}
