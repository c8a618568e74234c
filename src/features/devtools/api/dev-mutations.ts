import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { request } from '@/api/client';
import { LARGE_DEMO_BATCHES, LARGE_DEMO_TICKETS_PER_BATCH } from '@/api/limits';
import { paths } from '@/api/paths';
import type { DevSettings, LargeDemoProgress } from '@/api/schemas/dev';
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

/**
 * MOCK-8: Load a large demo, one batch (one transaction) at a time, so the
 * page can say how far it has come; then everything cached is refetched.
 */
export function useLoadLargeDemo() {
  const cache = useSessionCache();
  const [loaded, setLoaded] = useState(0);
  const mutation = useMutation({
    mutationFn: async () => {
      setLoaded(0);
      for (let batch = 0; batch < LARGE_DEMO_BATCHES; batch += 1) {
        const progress = await request<LargeDemoProgress>(paths.devLargeDemo.href, {
          method: 'POST',
          body: { batch },
        });
        setLoaded(progress.tickets);
      }
    },
    onSuccess: () => cache.refetchAll(),
  });
  return { ...mutation, loaded, total: LARGE_DEMO_BATCHES * LARGE_DEMO_TICKETS_PER_BATCH };
}
