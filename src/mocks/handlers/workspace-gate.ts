import type { DomainContext } from '../domain/context';
import type { DomainError } from '../domain/errors';
import { authenticate } from '../domain/sessions';
import type { ServerState, SessionRecord } from '../domain/state';
import { enterWorkspace, requireWorkspaceAccess, type WorkspaceAccess } from '../domain/workspaces';
import type { HandlerDeps } from './deps';

type WorkspaceOperation<T> = (
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  access: WorkspaceAccess,
) => T | DomainError;

/**
 * Every workspace endpoint runs through here (MANDATORY-3): the session must be
 * active and a member, and owe no MFA binding to this workspace. Owing one turns
 * the session into an `mfa_setup_required` one before the refusal is answered.
 */
export function inWorkspace<T>(
  { server, jar }: HandlerDeps,
  request: Request,
  workspaceId: string,
  operation: WorkspaceOperation<T>,
): Promise<T> {
  const token = jar.read(request);
  return server.run((state, ctx) => {
    const session = authenticate(state, ctx, token);
    const refusal = enterWorkspace(state, ctx, session, workspaceId);
    if (refusal) return refusal;
    return operation(state, ctx, session, requireWorkspaceAccess(state, session, workspaceId));
  });
}
