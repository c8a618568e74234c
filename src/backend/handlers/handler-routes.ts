import type { RequestHandler } from 'msw';
import { routesOf } from './routes';

/** The path a handler was declared for, when it is one of the contract's patterns. */
function declaredPath(handler: RequestHandler): string | null {
  const path = (handler.info as { path?: unknown }).path;
  return typeof path === 'string' ? path : null;
}

/**
 * The handlers that may answer a path, in their order (ADR 0027). msw's
 * getResponse tries every handler in turn, and each try parses the cookies
 * and compiles the handler's path: with sixty handlers that was most of a
 * request's own work. A handler of one of the contract's routes is kept only
 * for a path of that route; the others (the fault switches, the guard against
 * undecodable paths) are always kept; a path of no known route is offered to
 * every handler, so what answers it is unchanged.
 */
export function handlersForPaths(handlers: readonly RequestHandler[]) {
  const routed = new Map<RequestHandler, string>();
  for (const handler of handlers) {
    const path = declaredPath(handler);
    if (path !== null && routesOf(path).includes(path)) routed.set(handler, path);
  }
  const byRoutes = new Map<string, RequestHandler[]>();
  return (path: string): RequestHandler[] => {
    const routes = routesOf(path);
    if (routes.length === 0) return [...handlers];
    const key = routes.join(' ');
    let picked = byRoutes.get(key);
    if (!picked) {
      picked = handlers.filter((handler) => {
        const route = routed.get(handler);
        return route === undefined || routes.includes(route);
      });
      byRoutes.set(key, picked);
    }
    return picked;
  };
}
