import { DomainError } from './errors';
import { DECOY_PASSWORD_HASH } from './passwords';
import type { AccountRecord, MembershipRecord, ServerState, WorkspaceRecord } from './state';

/** An email as accounts keep it, and as the `email` index of the registry finds it. */
export function canonicalEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function findAccountByEmail(state: ServerState, email: string): AccountRecord | undefined {
  const wanted = canonicalEmail(email);
  return state.accounts.find((account) => account.email === wanted);
}

export function accountById(state: ServerState, id: string): AccountRecord {
  const account = state.accounts.find((candidate) => candidate.id === id);
  if (!account) throw new DomainError('UNAUTHENTICATED');
  return account;
}

export function membershipsOf(state: ServerState, accountId: string): MembershipRecord[] {
  return state.memberships.filter((membership) => membership.accountId === accountId);
}

export function workspaceById(state: ServerState, id: string): WorkspaceRecord | undefined {
  return state.workspaces.find((workspace) => workspace.id === id);
}

/** The workspace a login or a session lands in: the last one used, else the first joined. */
export function defaultWorkspaceId(state: ServerState, account: AccountRecord): string | null {
  const memberships = membershipsOf(state, account.id);
  const last = memberships.find((m) => m.workspaceId === account.lastWorkspaceId);
  return (last ?? memberships[0])?.workspaceId ?? null;
}

/**
 * MANDATORY-5: mandatory MFA is enforced once it is on and its grace period,
 * if any, has run out; the deadline itself is the first enforced millisecond.
 */
export function enforcesMfa(workspace: WorkspaceRecord, now: number): boolean {
  return (
    workspace.mfaRequired && (workspace.mfaGraceUntil === null || now >= workspace.mfaGraceUntil)
  );
}

/** The grace period's deadline while one runs; null when none does. */
export function mfaGraceEndsAt(workspace: WorkspaceRecord, now: number): number | null {
  return workspace.mfaRequired && !enforcesMfa(workspace, now) ? workspace.mfaGraceUntil : null;
}

/** True when the workspace enforces MFA, at `now`, and the account has not bound it. */
export function owesMfaSetup(
  state: ServerState,
  account: AccountRecord,
  workspaceId: string | null,
  now: number,
): boolean {
  if (workspaceId === null || account.mfa !== null) return false;
  const workspace = workspaceById(state, workspaceId);
  return workspace !== undefined && enforcesMfa(workspace, now);
}

/**
 * GUARD-7, first transaction of a login: the salt a typed password is hashed
 * with. An unknown email gets the decoy's, and is hashed all the same.
 */
export function loginSaltFor(state: ServerState, email: string): string {
  return (findAccountByEmail(state, email)?.password ?? DECOY_PASSWORD_HASH).salt;
}
