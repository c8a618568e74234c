import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { MemberList, MfaPolicy, MfaPosture, Workspace } from '@/api/schemas/workspace';
import { workspaceKeys } from './workspace-keys';

export function workspaceQueryOptions(id: string) {
  return queryOptions({
    queryKey: workspaceKeys.detail(id),
    queryFn: ({ signal }) => request<Workspace>(paths.workspace.href(id), { signal }),
  });
}

export function useWorkspace(id: string) {
  return useQuery(workspaceQueryOptions(id));
}

export function membersQueryOptions(id: string) {
  return queryOptions({
    queryKey: workspaceKeys.members(id),
    queryFn: ({ signal }) => request<MemberList>(paths.workspaceMembers.href(id), { signal }),
    select: (data) => data.members,
  });
}

export function useMembers(id: string) {
  return useQuery(membersQueryOptions(id));
}

export function mfaPolicyQueryOptions(id: string) {
  return queryOptions({
    queryKey: workspaceKeys.security(id),
    queryFn: ({ signal }) => request<MfaPolicy>(paths.workspaceSecurity.href(id), { signal }),
  });
}

export function useMfaPolicy(id: string) {
  return useQuery(mfaPolicyQueryOptions(id));
}

/** POSTURE-1: the Owner's summary of the workspace's MFA coverage. */
export function useMfaPosture(id: string) {
  return useQuery({
    queryKey: workspaceKeys.posture(id),
    queryFn: ({ signal }) => request<MfaPosture>(paths.workspaceMfaPosture.href(id), { signal }),
  });
}
