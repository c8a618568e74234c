import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import type { RequestHandler } from 'msw';
import { ATTACHMENT_MAX_BYTES, MULTIPART_FRAMING_MAX_BYTES, SECOND_MS } from '@/api/limits';
import type { Backend } from '@/backend/backend';
import { DomainError } from '@/backend/domain/errors';
import { requestAnswerer } from '@/backend/handlers/answer-requests';
import { errorResponse } from '@/backend/handlers/respond';
import { routeOf } from '@/backend/handlers/routes';
import { clientAddressOf, withClientAddress } from './http/client-address';
import type { createIpLimiter } from './http/ip-limits';
import { securityHeaders } from './http/security-headers';
import type { StaticSite } from './http/static-site';
import type { Log } from './log';

/** GUARD-5, SERVER-9: no request body is larger than the largest upload; past it, 413 unread. */
export const REQUEST_BODY_MAX_BYTES = ATTACHMENT_MAX_BYTES + MULTIPART_FRAMING_MAX_BYTES;

export interface ServerAppOptions {
  backend: Backend;
  /** The backend's request handlers, the same the mock runs in the browser (SERVER-1). */
  handlers: readonly RequestHandler[];
  site: StaticSite | null;
  https: boolean;
  trustProxy: number;
  limiter: ReturnType<typeof createIpLimiter> | null;
  log: Log;
  /** Called after each request that may have changed state: the mail relay looks at the outbox. */
  afterWrite?: () => void;
  /** False once shutdown began: /readyz says so, so a balancer stops sending. */
  accepting: () => boolean;
}

let requestCount = 0;
const requestIdOf = () => `${process.pid.toString(36)}-${(++requestCount).toString(36)}`;

/**
 * The Node host's HTTP layer (SERVER-1): health checks, the hardening of
 * SERVER-9 around every answer, the API answered by the backend's handlers
 * (the same answerer the page's mock uses), and the SPA's files.
 */
export function createServerApp(options: ServerAppOptions): Hono {
  const { backend, handlers, site, log } = options;
  const headers = securityHeaders({
    inlineScriptHashes: site?.inlineScriptHashes ?? [],
    https: options.https,
  });
  const answer = requestAnswerer(handlers);
  const app = new Hono();

  app.use(async (c, next) => {
    const startedAt = performance.now();
    const requestId = requestIdOf();
    const path = c.req.path;
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    c.res.headers.set('X-Request-Id', requestId);
    log({
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      requestId,
      method: c.req.method,
      route: path.startsWith('/api/') ? (routeOf(path) ?? 'unknown') : 'static',
      status: c.res.status,
      durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
    });
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (!options.accepting()) return c.json({ status: 'stopping' }, 503);
    try {
      await backend.run(() => true, {});
      return c.json({ status: 'ready' });
    } catch {
      return c.json({ status: 'database unavailable' }, 503);
    }
  });

  app.all('/api/*', async (c) => {
    const request = c.req.raw;
    const declared = Number(request.headers.get('Content-Length') ?? Number.NaN);
    if (Number.isFinite(declared) && declared > REQUEST_BODY_MAX_BYTES) {
      return errorResponse(new DomainError('PAYLOAD_TOO_LARGE'));
    }
    const address = clientAddressOf(
      getConnInfo(c).remote.address,
      request.headers.get('X-Forwarded-For'),
      options.trustProxy,
    );
    let waitMs: number | null = null;
    try {
      waitMs = (await options.limiter?.take(address, request.method, routeOf(c.req.path))) ?? null;
    } catch (error) {
      // The count is a transaction of its own: a busy database answers 503 as a handler's would.
      return errorResponse(error);
    }
    if (waitMs !== null) {
      return errorResponse(
        new DomainError('RATE_LIMITED', { retryAfterMs: Math.max(SECOND_MS, waitMs) }),
      );
    }
    const response = await answer(withClientAddress(request, address));
    if (request.method !== 'GET' && request.method !== 'HEAD') options.afterWrite?.();
    // The dev tools' "offline" switch: a network error is what a browser would see.
    if (response.type === 'error') return errorResponse(new DomainError('SERVICE_UNAVAILABLE'));
    return response;
  });

  app.on(['GET', 'HEAD'], '*', (c) => {
    const answer = site?.answer(
      c.req.path,
      c.req.header('Accept-Encoding') ?? null,
      c.req.header('If-None-Match') ?? null,
    );
    return answer ?? c.text('Not found', 404);
  });

  return app;
}
