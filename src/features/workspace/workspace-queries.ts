import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import { memberListSchema, workspaceSchema } from '@/api/schemas/workspace';

export const workspaceKeys = {
  all: ['workspace'] as const,
  detail: (id: string) => [...workspaceKeys.all, id] as const,
  members: (id: string) => [...workspaceKeys.all, id, 'members'] as const,
};

export function workspaceQueryOptions(id: string) {
  return queryOptions({
    queryKey: workspaceKeys.detail(id),
    queryFn: ({ signal }) => request(paths.workspace(id), { schema: workspaceSchema, signal }),
  });
}

export function useWorkspace(id: string) {
  return useQuery(workspaceQueryOptions(id));
}

export function useMembers(id: string) {
  return useQuery({
    queryKey: workspaceKeys.members(id),
    queryFn: ({ signal }) =>
      request(paths.workspaceMembers(id), { schema: memberListSchema, signal }),
    select: (data) => data.members,
  });
}
