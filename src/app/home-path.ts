import type { Session } from '@/api/schemas/session';

/** Where an active session lands when it has nowhere else to go. */
export function homePathFor(session: Extract<Session, { state: 'active' }>): string {
  if (session.user.kind === 'agent') return '/support';
  const workspaceId = session.currentWorkspaceId ?? session.workspaces[0]?.id;
  return workspaceId ? `/w/${encodeURIComponent(workspaceId)}` : '/account';
}
