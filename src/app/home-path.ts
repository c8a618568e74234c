import { appPaths } from '@/api/app-paths';
import type { Session } from '@/api/schemas/session';

/** Where an active session lands when it has nowhere else to go. */
export function homePathFor(session: Extract<Session, { state: 'active' }>): string {
  if (session.user.kind === 'agent') return appPaths.supportQueue.href;
  const workspaceId = session.currentWorkspaceId ?? session.workspaces[0]?.id;
  return workspaceId ? appPaths.workspace.href(workspaceId) : appPaths.account.href;
}
