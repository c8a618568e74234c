import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { MemberList, MfaPolicy, Workspace } from '@/api/schemas/workspace';

export const workspaceKeys = {
  all: ['workspace'] as const,
  detail: (id: string) => [...workspaceKeys.all, id] as const,
  members: (id: string) => [...workspaceKeys.all, id, 'members'] as const,
  security: (id: string) => [...workspaceKeys.all, id, 'security'] as const,
};

export function workspaceQueryOptions(id: string) {
  return queryOptions({
    queryKey: workspaceKeys.detail(id),
    queryFn: ({ signal }) => request<Workspace>(paths.workspace.href(id), { signal }),
  });
}

export function useWorkspace(id: string) {
  return useQuery(workspaceQueryOptions(id));
}

export function useMembers(id: string) {
  return useQuery({
    queryKey: workspaceKeys.members(id),
    queryFn: ({ signal }) => request<MemberList>(paths.workspaceMembers.href(id), { signal }),
    select: (data) => data.members,
  });
}

export function useMfaPolicy(id: string) {
  return useQuery({
    queryKey: workspaceKeys.security(id),
    queryFn: ({ signal }) => request<MfaPolicy>(paths.workspaceSecurity.href(id), { signal }),
  });
}

/** MANDATORY-1: the Owner switches the policy; the workspace and its members are refetched. */
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
