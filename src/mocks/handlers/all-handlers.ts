import { accountHandlers } from './account';
import type { HandlerDeps } from './deps';
import { devHandlers } from './dev';
import { mfaHandlers } from './mfa';
import { sessionHandlers } from './session';
import { ticketHandlers } from './tickets';
import { workspaceHandlers } from './workspaces';

/** Every handler of the mock server, in the order they match (fault switches first). */
export function allHandlers(deps: HandlerDeps) {
  return [
    ...devHandlers(deps),
    ...sessionHandlers(deps),
    ...accountHandlers(deps),
    ...mfaHandlers(deps),
    ...workspaceHandlers(deps),
    ...ticketHandlers(deps),
  ];
}
