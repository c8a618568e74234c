import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { Account } from '@/api/schemas/account';

export const accountKeys = {
  all: ['account'] as const,
  profile: () => [...accountKeys.all, 'profile'] as const,
  audit: () => [...accountKeys.all, 'audit'] as const,
};

export const accountQueryOptions = queryOptions({
  queryKey: accountKeys.profile(),
  queryFn: ({ signal }) => request<Account>(paths.account.href, { signal }),
});

export function useAccount() {
  return useQuery(accountQueryOptions);
}
