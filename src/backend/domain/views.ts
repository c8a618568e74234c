import type { Account, AccountSession } from '@/api/schemas/account';
import type { EmailMessage } from '@/api/schemas/dev';
import type { AuditEvent } from '@/api/schemas/mfa';
import type { Session } from '@/api/schemas/session';
import type { Member, MfaPolicy, Workspace } from '@/api/schemas/workspace';
import { accountById, membershipsOf, mfaGraceEndsAt, workspaceById } from './accounts';
import { auditKindOf } from './audit';
import type { DomainContext } from './context';
import { recoveryCodesLeft } from './recovery-codes';
import { rememberingAllowed, workspaceAllowsRememberedBrowsers } from './remembered-browsers';
import type {
  AccountRecord,
  AuditRecord,
  EmailRecord,
  MembershipRecord,
  ServerState,
  SessionRecord,
  WorkspaceRecord,
} from './state';
import { describeUserAgent } from './user-agent';
import { membersOf, mfaPolicyOf, ownerOf, type WorkspaceAccess } from './workspaces';

/** Maps stored records to the contract; the only place a record leaves the core. */
export const iso = (epochMs: number) => new Date(epochMs).toISOString();

/** An instant of the contract, or null. */
const isoOrNull = (epochMs: number | null) => (epochMs === null ? null : iso(epochMs));

export function sessionView(
  state: ServerState,
  session: SessionRecord | null,
  ctx: DomainContext,
): Session {
  if (!session) return { state: 'anonymous' };
  const account = accountById(state, session.accountId);
  if (session.state === 'mfa_required') {
    return {
      state: 'mfa_required',
      email: account.email,
      expiresAt: iso(session.expiresAt),
      canRememberBrowser: rememberingAllowed(state, account.id),
      // KEY-2: the code step offers the key first when there is one.
      hasSecurityKey: state.securityKeys.some((key) => key.accountId === account.id),
    };
  }
  if (session.state === 'mfa_setup_required') {
    const workspace = session.workspaceId ? workspaceById(state, session.workspaceId) : undefined;
    return {
      state: 'mfa_setup_required',
      email: account.email,
      expiresAt: iso(session.expiresAt),
      workspace: { id: workspace?.id ?? '', name: workspace?.name ?? '' },
    };
  }
  return {
    state: 'active',
    user: {
      id: account.id,
      email: account.email,
      name: account.name,
      kind: account.kind,
      mfaBound: account.mfa !== null,
      recoveryCodesLeft: recoveryCodesLeftOf(account),
    },
    workspaces: membershipsOf(state, account.id).flatMap((membership) => {
      const workspace = workspaceById(state, membership.workspaceId);
      return workspace
        ? [
            {
              id: workspace.id,
              name: workspace.name,
              role: membership.role,
              mfaRequired: workspace.mfaRequired,
              mfaGraceEndsAt: isoOrNull(mfaGraceEndsAt(workspace, ctx.now)),
            },
          ]
        : [];
    }),
    currentWorkspaceId: session.workspaceId,
  };
}

export function accountView(account: AccountRecord): Account {
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    createdAt: iso(account.createdAt),
    mfa: {
      bound: account.mfa !== null,
      boundAt: account.mfa ? iso(account.mfa.boundAt) : null,
      recoveryCodesLeft: recoveryCodesLeftOf(account),
    },
    retention: { ...account.retention },
  };
}

/** SESSION-1: a session as its account sees it: the device by name, never the raw user agent. */
export function accountSessionView(session: SessionRecord, currentId: string): AccountSession {
  const device = describeUserAgent(session.userAgent);
  return {
    id: session.id,
    browser: device.browser,
    os: device.os,
    ipAddress: session.ipAddress ?? null,
    createdAt: iso(session.createdAt),
    lastActiveAt: iso(session.lastSeenAt),
    current: session.id === currentId,
  };
}

function recoveryCodesLeftOf(account: AccountRecord): number | null {
  return account.mfa ? recoveryCodesLeft(account.mfa.recoveryCodes) : null;
}

export function workspaceView(
  state: ServerState,
  workspace: WorkspaceRecord,
  membership: MembershipRecord,
  ctx: DomainContext,
): Workspace {
  return {
    id: workspace.id,
    name: workspace.name,
    role: membership.role,
    mfaRequired: workspace.mfaRequired,
    mfaGraceEndsAt: isoOrNull(mfaGraceEndsAt(workspace, ctx.now)),
    memberCount: membersOf(state, workspace.id).length,
    ownerEmail: ownerOf(state, workspace.id)?.email ?? '',
  };
}

/** MANDATORY-1: only the Owner may change the policy, and only the Owner is told who lags. */
export function mfaPolicyView(
  state: ServerState,
  access: WorkspaceAccess,
  ctx: DomainContext,
): MfaPolicy {
  const policy = mfaPolicyOf(state, ctx, access.workspace);
  const isOwner = access.membership.role === 'owner';
  return {
    mfaRequired: policy.mfaRequired,
    graceEndsAt: isoOrNull(policy.graceEndsAt),
    unboundMemberCount: isOwner ? policy.unboundMemberCount : null,
    ownerMfaBound: policy.ownerMfaBound,
    canChange: isOwner,
    rememberedBrowsers: {
      allowed: workspaceAllowsRememberedBrowsers(access.workspace),
      locked: access.workspace.securityProfile === 'secure',
    },
  };
}

export function memberView(state: ServerState, membership: MembershipRecord): Member {
  const account = accountById(state, membership.accountId);
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    role: membership.role,
    mfaBound: account.mfa !== null,
    joinedAt: iso(membership.joinedAt),
  };
}

export function emailView(message: EmailRecord): EmailMessage {
  return {
    id: message.id,
    to: message.to,
    subject: message.subject,
    body: message.body,
    links: message.links ?? [],
    sentAt: iso(message.sentAt),
  };
}

/** LOG-1: an event of the security log, with its kind for the filter. */
export function auditView(entry: AuditRecord): AuditEvent {
  return {
    id: entry.id,
    event: entry.event,
    kind: auditKindOf(entry.event),
    at: iso(entry.at),
    device: entry.device,
    detail: entry.detail,
  };
}
