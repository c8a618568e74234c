import { HttpResponse } from 'msw';
import { API } from '@/api/paths';
import type { Member, Workspace } from '@/api/schemas/workspace';
import { authenticate } from '../domain/sessions';
import { memberView, workspaceView } from '../domain/views';
import { membersOf, requireOwner, requireWorkspaceAccess } from '../domain/workspaces';
import type { HandlerDeps } from './deps';
import { route } from './respond';

type WorkspaceParams = { workspaceId: string };

export function workspaceHandlers({ server, jar }: HandlerDeps) {
  return [
    route.get<WorkspaceParams>(`${API}/workspaces/:workspaceId`, async ({ request, params }) => {
      const token = jar.read(request);
      const view = await server.run((state, ctx) => {
        const session = authenticate(state, ctx, token);
        const { workspace, membership } = requireWorkspaceAccess(
          state,
          session,
          params.workspaceId,
        );
        return workspaceView(state, workspace, membership);
      });
      return HttpResponse.json<Workspace>(view);
    }),

    route.get<WorkspaceParams>(
      `${API}/workspaces/:workspaceId/members`,
      async ({ request, params }) => {
        const token = jar.read(request);
        const members = await server.run((state, ctx) => {
          const session = authenticate(state, ctx, token);
          const access = requireWorkspaceAccess(state, session, params.workspaceId);
          requireOwner(access);
          return membersOf(state, params.workspaceId).map((membership) =>
            memberView(state, membership),
          );
        });
        return HttpResponse.json<{ members: Member[] }>({ members });
      },
    ),
  ];
}
