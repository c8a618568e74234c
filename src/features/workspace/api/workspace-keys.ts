/** HOUSE rule 5: every query key of the workspace feature comes from here. */
export const workspaceKeys = {
  all: ['workspace'] as const,
  detail: (id: string) => [...workspaceKeys.all, id] as const,
  members: (id: string) => [...workspaceKeys.all, id, 'members'] as const,
  /** Under the members, so whatever refreshes them refreshes the posture too. */
  posture: (id: string) => [...workspaceKeys.members(id), 'posture'] as const,
  security: (id: string) => [...workspaceKeys.all, id, 'security'] as const,
};
