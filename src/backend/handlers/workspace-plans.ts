/**
 * What the endpoints under /workspaces/{id} read besides admission (ADR 0024),
 * kept apart from load-plans.ts so neither grows past one screenful of rules.
 */
import type { ServerState } from '../domain/state';
import { mergePlans, type Pick } from '../store/load-plan';
import {
  accountsByKey,
  CALLER_LOG,
  type EndpointPlan,
  keysOfAccount,
  notLoaded,
  type RequestFacts,
} from './load-plans';

/** Whether the caller is a member of the path's workspace, as admission loaded it. */
const callerIsMember = (view: ServerState, { params, accountId }: RequestFacts) =>
  view.memberships.some(
    (membership) =>
      membership.accountId === accountId && membership.workspaceId === params.workspaceId,
  );

const membershipsOfPathWorkspace = (view: ServerState, facts: RequestFacts): Pick[] =>
  callerIsMember(view, facts)
    ? [{ from: 'memberships', index: 'workspaceId', range: { only: facts.params.workspaceId } }]
    : [];

/**
 * MANDATORY-1: the workspace's page counts its members and names its Owner:
 * every membership of the workspace, by index (it grows with the workspace's
 * members; a count by index would bound it), and the Owner's account. A
 * caller who is no member reads none of it, and is not found.
 */
export const WORKSPACE_HEADCOUNT: EndpointPlan = {
  pickFrom: ['memberships', 'accounts'],
  stages: [
    membershipsOfPathWorkspace,
    (view, { params }) => [
      accountsByKey(
        notLoaded(
          view.accounts,
          view.memberships
            .filter((m) => m.workspaceId === params.workspaceId && m.role === 'owner')
            .map((m) => m.accountId),
        ),
      ),
    ],
  ],
};

/**
 * The members list, and the policy's count of unbound members (MANDATORY-1):
 * every membership of the workspace, by index, and each member's account by
 * key. It grows with the workspace's members, and only with them.
 */
export const WORKSPACE_MEMBERS: EndpointPlan = {
  pickFrom: ['memberships', 'accounts'],
  stages: [
    membershipsOfPathWorkspace,
    (view, { params }) => [
      accountsByKey(
        notLoaded(
          view.accounts,
          view.memberships
            .filter((m) => m.workspaceId === params.workspaceId)
            .map((m) => m.accountId),
        ),
      ),
    ],
  ],
};

/**
 * POSTURE-1: the members list, and each member's security keys by the
 * accountId index (at most SECURITY_KEYS_MAX each), to say who has one.
 * A caller who is no member loads no membership, so no keys either.
 */
export const WORKSPACE_POSTURE = mergePlans(WORKSPACE_MEMBERS, {
  pickFrom: ['securityKeys'],
  stages: [
    (view, { params }) =>
      view.memberships
        .filter((m) => m.workspaceId === params.workspaceId)
        .map((m) => keysOfAccount(m.accountId)),
  ],
});

/** MANDATORY-1, MANDATORY-5: the policy counts unbound members; the Owner's change is logged. */
export const POLICY_CHANGE = mergePlans(WORKSPACE_MEMBERS, CALLER_LOG);
