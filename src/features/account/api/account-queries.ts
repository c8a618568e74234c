import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { Account, AccountSessionList } from '@/api/schemas/account';
import { type AuditList, auditListParams, type AuditListQuery } from '@/api/schemas/mfa';
import { accountKeys } from './account-keys';

export const accountQueryOptions = queryOptions({
  queryKey: accountKeys.profile(),
  queryFn: ({ signal }) => request<Account>(paths.account.href, { signal }),
});

export function useAccount() {
  return useQuery(accountQueryOptions);
}

export function securityLogQueryOptions(query: AuditListQuery) {
  return queryOptions({
    queryKey: accountKeys.audit(query),
    queryFn: ({ signal }) =>
      request<AuditList>(`${paths.accountAudit.href}${auditListParams(query)}`, { signal }),
    // The page on screen stays while the next one loads, so the list does not jump.
    placeholderData: keepPreviousData,
  });
}

/** LOG-1: one page of the account's security events, newest first. */
export function useSecurityLog(query: AuditListQuery) {
  return useQuery(securityLogQueryOptions(query));
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
