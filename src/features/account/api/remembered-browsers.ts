import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { RememberedBrowserList } from '@/api/schemas/remember';
import { accountKeys } from './account-keys';

export const rememberedBrowsersQueryOptions = queryOptions({
  queryKey: accountKeys.rememberedBrowsers(),
  queryFn: ({ signal }) =>
    request<RememberedBrowserList>(paths.rememberedBrowsers.href, { signal }),
  select: (data) => data.browsers,
});

/** REMEMBER-1: the browsers that skip the login code, this one marked. */
export function useRememberedBrowsers() {
  return useQuery(rememberedBrowsersQueryOptions);
}

/** REMEMBER-1: Forget one; the list and the security log show it. */
export function useForgetRememberedBrowser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (browserId: string) =>
      request(paths.rememberedBrowser.href(browserId), { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}
