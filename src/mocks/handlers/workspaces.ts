import { HttpResponse } from 'msw';
import { API } from '@/api/paths';
import {
  mfaPolicyRequestSchema,
  type Member,
  type MfaPolicy,
  type Workspace,
} from '@/api/schemas/workspace';
import type { WorkspaceAccess } from '../domain/workspaces';
import { memberView, workspaceView } from '../domain/views';
import { membersOf, mfaPolicyOf, requireOwner, setMfaPolicy } from '../domain/workspaces';
import type { ServerState } from '../domain/state';
import type { HandlerDeps } from './deps';
import { readBody, route } from './respond';
import { inWorkspace } from './workspace-gate';

type WorkspaceParams = { workspaceId: string };

function policyView(state: ServerState, access: WorkspaceAccess): MfaPolicy {
  const policy = mfaPolicyOf(state, access.workspace);
  const isOwner = access.membership.role === 'owner';
  return {
    mfaRequired: policy.mfaRequired,
    unboundMemberCount: isOwner ? policy.unboundMemberCount : null,
    ownerMfaBound: policy.ownerMfaBound,
    canChange: isOwner,
  };
}

export function workspaceHandlers(deps: HandlerDeps) {
  return [
    route.get<WorkspaceParams>(`${API}/workspaces/:workspaceId`, async ({ request, params }) => {
      const view = await inWorkspace(
        deps,
        request,
        params.workspaceId,
        (state, _ctx, _session, access) =>
          workspaceView(state, access.workspace, access.membership),
      );
      return HttpResponse.json<Workspace>(view);
    }),

    route.get<WorkspaceParams>(
      `${API}/workspaces/:workspaceId/members`,
      async ({ request, params }) => {
        const members = await inWorkspace(
          deps,
          request,
          params.workspaceId,
          (state, _ctx, _session, access) => {
            requireOwner(access);
            return membersOf(state, access.workspace.id).map((membership) =>
              memberView(state, membership),
            );
          },
        );
        return HttpResponse.json<{ members: Member[] }>({ members });
      },
    ),

    route.get<WorkspaceParams>(
      `${API}/workspaces/:workspaceId/security`,
      async ({ request, params }) => {
        const view = await inWorkspace(
          deps,
          request,
          params.workspaceId,
          (state, _ctx, _session, access) => policyView(state, access),
        );
        return HttpResponse.json<MfaPolicy>(view);
      },
    ),

    route.put<WorkspaceParams>(
      `${API}/workspaces/:workspaceId/security`,
      async ({ request, params }) => {
        const body = await readBody(request, mfaPolicyRequestSchema);
        const view = await inWorkspace(
          deps,
          request,
          params.workspaceId,
          (state, ctx, session, access) => {
            requireOwner(access);
            setMfaPolicy(state, ctx, session, access, body.value().mfaRequired);
            return policyView(state, access);
          },
        );
        return HttpResponse.json<MfaPolicy>(view);
      },
    ),
  ];
}
