import { getResponse, type RequestHandler } from 'msw';
import { DomainError } from '../domain/errors';
import { handlersForPaths } from './handler-routes';
import { errorResponse } from './respond';

/**
 * Where every API request meets the backend, on both hosts (ADR 0022, 0038):
 * in the browser the API client's transport (`src/mocks/in-page-transport.ts`)
 * hands it here, and on the server Hono (`server/app.ts`) does, past its
 * limits. Only the handlers of the request's route are tried (ADR 0027); the
 * one that answers runs `backend.run(operation, plan)`, a transaction of the
 * store its host injected (IndexedDB, SQLite or PostgreSQL). A path no
 * handler answers is the contract's 404. A network error, the dev tools'
 * offline switch, comes back as such, for each host to show as it would.
 */
export function requestAnswerer(handlers: readonly RequestHandler[]) {
  const handlersFor = handlersForPaths(handlers);
  return async (request: Request): Promise<Response> => {
    const { origin, pathname } = new URL(request.url);
    const response = await getResponse(handlersFor(pathname), request, { baseUrl: origin });
    return response ?? errorResponse(new DomainError('NOT_FOUND'));
  };
}
