import { getResponse, type RequestHandler } from 'msw';
import { DomainError } from '../domain/errors';
import { handlersForPaths } from './handler-routes';
import { errorResponse } from './respond';

/**
 * How both hosts put a request to the backend's handlers (ADR 0022, 0038): the
 * Node server for each HTTP request, the page for each of its own. Only the
 * handlers of the request's route are tried (ADR 0027); a path no handler
 * answers is the contract's 404. A network error, the dev tools' offline
 * switch, comes back as such, for each host to show as it would.
 */
export function requestAnswerer(handlers: readonly RequestHandler[]) {
  const handlersFor = handlersForPaths(handlers);
  return async (request: Request): Promise<Response> => {
    const { origin, pathname } = new URL(request.url);
    const response = await getResponse(handlersFor(pathname), request, { baseUrl: origin });
    return response ?? errorResponse(new DomainError('NOT_FOUND'));
  };
}
