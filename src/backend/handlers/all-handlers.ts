import { http } from 'msw';
import { DomainError } from '../domain/errors';
import { accountHandlers } from './account';
import type { HandlerDeps } from './deps';
import { devHandlers } from './dev';
import { mfaHandlers } from './mfa';
import { rememberedBrowserHandlers } from './remembered-browsers';
import { errorResponse } from './respond';
import { securityHandlers } from './security';
import { securityKeyHandlers } from './security-keys';
import { sessionHandlers } from './session';
import { memoryJar } from './session-jar';
import { ticketHandlers } from './tickets';
import { workspaceHandlers } from './workspaces';

/** Every handler of the mock server, in the order they match (fault switches first). */
export function allHandlers(given: HandlerDeps) {
  const deps = { ...given, rememberJar: given.rememberJar ?? memoryJar() };
  return [
    // A path that is not valid percent-encoding names nothing; answer so before
    // the routes try to decode it.
    http.all(
      ({ request }) => !isDecodable(new URL(request.url).pathname),
      () => errorResponse(new DomainError('NOT_FOUND')),
    ),
    ...(deps.devTools === false ? [] : devHandlers(deps)),
    ...sessionHandlers(deps),
    ...accountHandlers(deps),
    ...mfaHandlers(deps),
    ...securityHandlers(deps),
    ...rememberedBrowserHandlers(deps),
    ...securityKeyHandlers(deps),
    ...workspaceHandlers(deps),
    ...ticketHandlers(deps),
  ];
}

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
