import { accountById, membershipsOf, owesMfaSetup, workspaceById } from './accounts';
import { DomainError } from './errors';
import { requireActive } from './sessions';
import type { MembershipRecord, ServerState, SessionRecord, WorkspaceRecord } from './state';

export interface WorkspaceAccess {
  workspace: WorkspaceRecord;
  membership: MembershipRecord;
}

/**
 * MANDATORY-3 at the core: every workspace endpoint goes through here, so a
 * member who owes MFA setup is refused whatever the UI does. A workspace the
 * caller is not in answers as if it did not exist.
 */
export function requireWorkspaceAccess(
  state: ServerState,
  session: SessionRecord,
  workspaceId: string,
): WorkspaceAccess {
  requireActive(session);
  const membership = membershipsOf(state, session.accountId).find(
    (m) => m.workspaceId === workspaceId,
  );
  const workspace = workspaceById(state, workspaceId);
  if (!membership || !workspace) throw new DomainError('NOT_FOUND');
  if (owesMfaSetup(state, accountById(state, session.accountId), workspaceId)) {
    throw new DomainError('MFA_SETUP_REQUIRED');
  }
  return { workspace, membership };
}

export function requireOwner(access: WorkspaceAccess): void {
  if (access.membership.role !== 'owner') throw new DomainError('FORBIDDEN');
}

export function membersOf(state: ServerState, workspaceId: string): MembershipRecord[] {
  return state.memberships.filter((membership) => membership.workspaceId === workspaceId);
}

export function ownerOf(state: ServerState, workspaceId: string) {
  const owner = membersOf(state, workspaceId).find((membership) => membership.role === 'owner');
  return owner ? accountById(state, owner.accountId) : null;
}

/** Makes a workspace the session's current one; the login lands there next time too. */
export function switchWorkspace(
  state: ServerState,
  session: SessionRecord,
  workspaceId: string,
): void {
  requireActive(session);
  const membership = membershipsOf(state, session.accountId).find(
    (m) => m.workspaceId === workspaceId,
  );
  if (!membership) throw new DomainError('NOT_FOUND');
  session.workspaceId = workspaceId;
  accountById(state, session.accountId).lastWorkspaceId = workspaceId;
}
