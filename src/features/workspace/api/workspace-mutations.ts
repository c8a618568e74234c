import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { MfaPolicy } from '@/api/schemas/workspace';
import { workspaceKeys } from './workspace-keys';

/** MANDATORY-1: the Owner switches the policy; the workspace is refetched with it. */
export function useSetMfaPolicy(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mfaRequired: boolean) =>
      request<MfaPolicy>(paths.workspaceSecurity.href(id), {
        method: 'PUT',
        body: { mfaRequired },
      }),
    onSuccess: (policy) => {
      queryClient.setQueryData(workspaceKeys.security(id), policy);
      return queryClient.invalidateQueries({ queryKey: workspaceKeys.detail(id) });
    },
  });
}
