import { DAY_MS } from '@/api/limits';
import {
  accountById,
  membershipsOf,
  mfaGraceEndsAt,
  owesMfaSetup,
  workspaceById,
} from './accounts';
import { recordAudit } from './audit';
import type { DomainContext } from './context';
import { DomainError } from './errors';
import { demoteToSetup, requireActive } from './sessions';
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
  ctx: DomainContext,
  session: SessionRecord,
  workspaceId: string,
): WorkspaceAccess {
  requireActive(session);
  const membership = membershipsOf(state, session.accountId).find(
    (m) => m.workspaceId === workspaceId,
  );
  const workspace = workspaceById(state, workspaceId);
  if (!membership || !workspace) throw new DomainError('NOT_FOUND');
  if (owesMfaSetup(state, accountById(state, session.accountId), workspaceId, ctx.now)) {
    throw new DomainError('MFA_SETUP_REQUIRED');
  }
  return { workspace, membership };
}

/**
 * MANDATORY-2: entering a workspace that enforces MFA without a binding turns
 * the session into one that owes it, so the UI moves to the forced bind wizard
 * (LOGIN-4). Returns the refusal, to be thrown once the change is written.
 */
export function enterWorkspace(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  workspaceId: string,
): DomainError | null {
  requireActive(session);
  const isMember = membershipsOf(state, session.accountId).some(
    (m) => m.workspaceId === workspaceId,
  );
  if (!isMember || !workspaceById(state, workspaceId)) throw new DomainError('NOT_FOUND');
  if (!owesMfaSetup(state, accountById(state, session.accountId), workspaceId, ctx.now)) {
    return null;
  }
  session.workspaceId = workspaceId;
  demoteToSetup(session, ctx);
  return new DomainError('MFA_SETUP_REQUIRED');
}

/**
 * MANDATORY-3: the one gate of every endpoint under /workspaces/{id}, its
 * tickets included. The session must be active and a member, and owe this
 * workspace no binding. A read that meets a binding owed is refused and
 * changes nothing (GUARD-2); an action on the workspace enters it, so the
 * session owes the binding for it (MANDATORY-2), and that refusal is returned,
 * to be thrown once the change is written, so the client moves to the wizard.
 */
export function workspaceGate(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  workspaceId: string,
  intent: 'read' | 'act',
): WorkspaceAccess | DomainError {
  if (intent === 'read') return requireWorkspaceAccess(state, ctx, session, workspaceId);
  const refusal = enterWorkspace(state, ctx, session, workspaceId);
  return refusal ?? requireWorkspaceAccess(state, ctx, session, workspaceId);
}

export interface MfaPolicyStatus {
  mfaRequired: boolean;
  /** MANDATORY-5: while a grace period runs, when it ends. */
  graceEndsAt: number | null;
  unboundMemberCount: number;
  ownerMfaBound: boolean;
}

export function mfaPolicyOf(
  state: ServerState,
  ctx: DomainContext,
  workspace: WorkspaceRecord,
): MfaPolicyStatus {
  const members = membersOf(state, workspace.id).map((m) => accountById(state, m.accountId));
  return {
    mfaRequired: workspace.mfaRequired,
    graceEndsAt: mfaGraceEndsAt(workspace, ctx.now),
    unboundMemberCount: members.filter((account) => account.mfa === null).length,
    ownerMfaBound: ownerOf(state, workspace.id)?.mfa !== null,
  };
}

/**
 * MANDATORY-1: only the Owner switches the policy, and an Owner without MFA
 * cannot switch it on, so no admin locks themselves out. MANDATORY-5: switching
 * on may give unbound members `graceDays` days, to the millisecond, before it
 * is enforced; until then they enter the workspace as before.
 */
export function setMfaPolicy(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  access: WorkspaceAccess,
  mfaRequired: boolean,
  graceDays?: number,
): void {
  requireOwner(access);
  const owner = accountById(state, session.accountId);
  if (mfaRequired && owner.mfa === null) throw new DomainError('OWNER_MFA_REQUIRED');
  const workspace = access.workspace;
  if (workspace.mfaRequired === mfaRequired) return;
  workspace.mfaRequired = mfaRequired;
  workspace.mfaGraceUntil =
    mfaRequired && graceDays !== undefined ? ctx.now + graceDays * DAY_MS : null;
  recordAudit(
    state,
    ctx,
    owner.id,
    mfaRequired ? 'workspace.mfa_required_on' : 'workspace.mfa_required_off',
    workspace.mfaGraceUntil === null
      ? { workspace: workspace.name }
      : { workspace: workspace.name, graceUntil: workspace.mfaGraceUntil },
  );
}

/**
 * MANDATORY-5: the Owner ends a running grace period, so mandatory MFA is
 * enforced from this request on, exactly as if it had been switched on now.
 */
export function endMfaGracePeriod(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  access: WorkspaceAccess,
): void {
  requireOwner(access);
  const workspace = access.workspace;
  if (mfaGraceEndsAt(workspace, ctx.now) === null) throw new DomainError('GRACE_PERIOD_NOT_ACTIVE');
  workspace.mfaGraceUntil = null;
  recordAudit(state, ctx, session.accountId, 'workspace.mfa_grace_ended', {
    workspace: workspace.name,
  });
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

/**
 * Makes a workspace the session's current one; the login lands there next time
 * too, unless it is one the user may not enter yet.
 */
export function switchWorkspace(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  workspaceId: string,
): DomainError | null {
  const refusal = enterWorkspace(state, ctx, session, workspaceId);
  if (refusal) return refusal;
  session.workspaceId = workspaceId;
  accountById(state, session.accountId).lastWorkspaceId = workspaceId;
  return null;
}
