import type { RequestHandler } from 'msw';
import type { Transport } from '@/api/client';
import { requestAnswerer } from '@/backend/handlers/answer-requests';

/**
 * The API client's transport in the demo (ADR 0038): each request is answered
 * by the handlers in this page, as the Node server answers it over HTTP, and
 * never leaves the page. It behaves as `fetch` does: the dev tools' offline
 * switch is a network error, and an aborted request rejects with its reason.
 */
export function inPageTransport(handlers: readonly RequestHandler[]): Transport {
  const answer = requestAnswerer(handlers);
  return async (url, init) => {
    const { signal } = init;
    signal?.throwIfAborted();
    const response = await answer(new Request(url, init));
    signal?.throwIfAborted();
    if (response.type === 'error') throw new TypeError('Failed to fetch');
    return response;
  };
}
