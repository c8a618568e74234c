import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { RememberPolicyRequest } from '@/api/schemas/remember';
import type { MfaPolicy, MfaPolicyRequest } from '@/api/schemas/workspace';
import { workspaceKeys } from './workspace-keys';

/** What a change of the policy shows elsewhere: the home page and the Members list. */
function usePolicyChanged(id: string) {
  const queryClient = useQueryClient();
  return (policy: MfaPolicy) => {
    queryClient.setQueryData(workspaceKeys.security(id), policy);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: workspaceKeys.detail(id), exact: true }),
      queryClient.invalidateQueries({ queryKey: workspaceKeys.members(id) }),
    ]);
  };
}

/**
 * MANDATORY-1, MANDATORY-5: the Owner switches the policy, on at once or after
 * a grace period; the workspace is refetched with it.
 */
export function useSetMfaPolicy(id: string) {
  const changed = usePolicyChanged(id);
  return useMutation({
    mutationFn: (body: MfaPolicyRequest) =>
      request<MfaPolicy>(paths.workspaceSecurity.href(id), { method: 'PUT', body }),
    onSuccess: changed,
  });
}

/** MANDATORY-5: End grace period now. */
export function useEndGracePeriod(id: string) {
  const changed = usePolicyChanged(id);
  return useMutation({
    mutationFn: () =>
      request<MfaPolicy>(paths.workspaceSecurityGrace.href(id), { method: 'DELETE' }),
    onSuccess: changed,
  });
}

/** REMEMBER-1: the Owner allows remembered browsers, or switches them off. */
export function useSetRememberPolicy(id: string) {
  const changed = usePolicyChanged(id);
  return useMutation({
    mutationFn: (body: RememberPolicyRequest) =>
      request<MfaPolicy>(paths.workspaceRememberPolicy.href(id), { method: 'PUT', body }),
    onSuccess: changed,
  });
}
