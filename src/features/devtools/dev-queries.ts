import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { Authenticator, DevSettings, DevStatus, Mailbox } from '@/api/schemas/dev';
import { useSessionCache } from '@/lib/session';

export const devKeys = {
  all: ['dev'] as const,
  mailbox: () => [...devKeys.all, 'mailbox'] as const,
  status: () => [...devKeys.all, 'status'] as const,
  authenticator: () => [...devKeys.all, 'authenticator'] as const,
};

/** Mail sent from another tab shows up here by itself (MOCK-2). */
export const MAILBOX_REFRESH_MS = 2_000;

export function useMailbox() {
  return useQuery(
    queryOptions({
      queryKey: devKeys.mailbox(),
      queryFn: ({ signal }) => request<Mailbox>(paths.devMailbox.href, { signal }),
      select: (data) => data.messages,
      refetchInterval: MAILBOX_REFRESH_MS,
    }),
  );
}

export function useDevStatus() {
  return useQuery({
    queryKey: devKeys.status(),
    queryFn: ({ signal }) => request<DevStatus>(paths.devStatus.href, { signal }),
  });
}

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

export const AUTHENTICATOR_REFRESH_MS = 1_000;

export function useAuthenticator() {
  return useQuery({
    queryKey: devKeys.authenticator(),
    queryFn: ({ signal }) => request<Authenticator>(paths.devAuthenticator.href, { signal }),
    refetchInterval: AUTHENTICATOR_REFRESH_MS,
  });
}
