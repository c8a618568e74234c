import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { Authenticator, DevStatus, Mailbox } from '@/api/schemas/dev';
import { devKeys } from './dev-keys';

/** Mail sent from another tab shows up here by itself (MOCK-2). */
export const MAILBOX_REFRESH_MS = 2_000;

export const mailboxQueryOptions = queryOptions({
  queryKey: devKeys.mailbox(),
  queryFn: ({ signal }) => request<Mailbox>(paths.devMailbox.href, { signal }),
  select: (data) => data.messages,
  refetchInterval: MAILBOX_REFRESH_MS,
});

export function useMailbox() {
  return useQuery(mailboxQueryOptions);
}

export const devStatusQueryOptions = queryOptions({
  queryKey: devKeys.status(),
  queryFn: ({ signal }) => request<DevStatus>(paths.devStatus.href, { signal }),
});

export function useDevStatus() {
  return useQuery(devStatusQueryOptions);
}

/** The countdown beside each code moves every second, as on a phone. */
export const AUTHENTICATOR_REFRESH_MS = 1_000;

export const authenticatorQueryOptions = queryOptions({
  queryKey: devKeys.authenticator(),
  queryFn: ({ signal }) => request<Authenticator>(paths.devAuthenticator.href, { signal }),
  refetchInterval: AUTHENTICATOR_REFRESH_MS,
});

export function useAuthenticator() {
  return useQuery(authenticatorQueryOptions);
}
