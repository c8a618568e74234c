import { paths } from '@/api/paths';
import { rememberPolicyRequestSchema } from '@/api/schemas/remember';
import { type MemberList, mfaPolicyRequestSchema } from '@/api/schemas/workspace';
import { mfaPostureView } from '../domain/mfa-posture';
import { setRememberedBrowsersPolicy } from '../domain/remembered-browsers';
import { memberView, mfaPolicyView, workspaceView } from '../domain/views';
import { endMfaGracePeriod, membersOf, setMfaPolicy } from '../domain/workspaces';
import type { HandlerDeps } from './deps';
import { endpoints } from './endpoint';
import {
  POLICY_CHANGE,
  WORKSPACE_HEADCOUNT,
  WORKSPACE_MEMBERS,
  WORKSPACE_POSTURE,
} from './workspace-plans';

/** Every endpoint here passes the workspace gate first (MANDATORY-3), as the caller says. */
export function workspaceHandlers(deps: HandlerDeps) {
  const endpoint = endpoints(deps);
  return [
    endpoint.get(paths.workspace.pattern, {
      caller: 'workspace-member',
      load: WORKSPACE_HEADCOUNT,
      run: ({ state, ctx, access }) =>
        workspaceView(state, access.workspace, access.membership, ctx),
    }),

    endpoint.get(paths.workspaceMembers.pattern, {
      caller: 'workspace-owner',
      load: WORKSPACE_MEMBERS,
      run: ({ state, access }): MemberList => ({
        members: membersOf(state, access.workspace.id).map((membership) =>
          memberView(state, membership),
        ),
      }),
    }),

    // POSTURE-1: only the Owner learns who is short of recovery codes.
    endpoint.get(paths.workspaceMfaPosture.pattern, {
      caller: 'workspace-owner',
      load: WORKSPACE_POSTURE,
      run: ({ state, ctx, access }) => mfaPostureView(state, ctx, access.workspace),
    }),

    endpoint.get(paths.workspaceSecurity.pattern, {
      caller: 'workspace-member',
      load: WORKSPACE_MEMBERS,
      run: ({ state, ctx, access }) => mfaPolicyView(state, access, ctx),
    }),

    endpoint.put(paths.workspaceSecurity.pattern, {
      caller: 'workspace-owner',
      body: { kind: 'json', schema: mfaPolicyRequestSchema },
      load: POLICY_CHANGE,
      run: ({ state, ctx, session, access, body }) => {
        setMfaPolicy(state, ctx, session, access, body.mfaRequired, body.graceDays);
        return mfaPolicyView(state, access, ctx);
      },
    }),

    // REMEMBER-1: Allow members to skip the code on a remembered browser.
    endpoint.put(paths.workspaceRememberPolicy.pattern, {
      caller: 'workspace-owner',
      body: { kind: 'json', schema: rememberPolicyRequestSchema },
      load: POLICY_CHANGE,
      run: ({ state, ctx, session, access, body }) => {
        setRememberedBrowsersPolicy(state, ctx, session.accountId, access.workspace, body.allowed);
        return mfaPolicyView(state, access, ctx);
      },
    }),

    // MANDATORY-5: End grace period now.
    endpoint.delete(paths.workspaceSecurityGrace.pattern, {
      caller: 'workspace-owner',
      load: POLICY_CHANGE,
      run: ({ state, ctx, session, access }) => {
        endMfaGracePeriod(state, ctx, session, access);
        return mfaPolicyView(state, access, ctx);
      },
    }),
  ];
}
