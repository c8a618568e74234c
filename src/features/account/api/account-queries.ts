import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { Account, AccountSessionList } from '@/api/schemas/account';
import type { AuditList } from '@/api/schemas/mfa';
import { accountKeys } from './account-keys';

export const accountQueryOptions = queryOptions({
  queryKey: accountKeys.profile(),
  queryFn: ({ signal }) => request<Account>(paths.account.href, { signal }),
});

export function useAccount() {
  return useQuery(accountQueryOptions);
}

export const securityLogQueryOptions = queryOptions({
  queryKey: accountKeys.audit(),
  queryFn: ({ signal }) => request<AuditList>(paths.accountAudit.href, { signal }),
  select: (data) => data.events,
});

/** MOCK-7: the account holder's own MFA events, newest first. */
export function useSecurityLog() {
  return useQuery(securityLogQueryOptions);
}

export const accountSessionsQueryOptions = queryOptions({
  queryKey: accountKeys.sessions(),
  queryFn: ({ signal }) => request<AccountSessionList>(paths.accountSessions.href, { signal }),
  select: (data) => data.sessions,
});

/** SESSION-1: the account's live sessions, this one marked. */
export function useAccountSessions() {
  return useQuery(accountSessionsQueryOptions);
}
