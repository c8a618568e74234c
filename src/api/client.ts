import type * as z from 'zod/mini';
import { ApiError } from './api-error';
import type { ErrorCode } from './error-codes';
import { errorBodySchema } from './schemas/common';

/** Empty means same origin, where the mock backend answers. */
const API_BASE_URL: string = import.meta.env.VITE_API_BASE_URL ?? '';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions<T> {
  method?: Method;
  /** Sent as JSON, or as multipart when it is FormData. */
  body?: unknown;
  /** Parses the success body; omit for 204 answers. */
  schema?: z.ZodMiniType<T>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

type SessionGoneListener = (error: ApiError) => void;
const sessionGoneListeners = new Set<SessionGoneListener>();

/**
 * Lets the app react when the server says the session is gone. Only that case
 * is handled globally; every other error belongs to the screen that asked.
 */
export function onSessionGone(listener: SessionGoneListener): () => void {
  sessionGoneListeners.add(listener);
  return () => sessionGoneListeners.delete(listener);
}

function urlOf(path: string): string {
  const base = API_BASE_URL || globalThis.location.origin;
  return new URL(path, base.endsWith('/') ? base : `${base}/`).toString();
}

function retryAfterOf(response: Response, bodyValue: number | undefined): number | null {
  if (typeof bodyValue === 'number') return bodyValue;
  const header = response.headers.get('Retry-After');
  if (header === null) return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) ? seconds : null;
}

async function errorOf(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  const parsed = errorBodySchema.safeParse(json);
  if (parsed.success) {
    const { code, message, fieldErrors, retryAfter } = parsed.data.error;
    return new ApiError({
      status: response.status,
      code,
      message,
      fieldErrors,
      retryAfter: retryAfterOf(response, retryAfter),
    });
  }
  const fallback: ErrorCode = response.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL';
  return new ApiError({
    status: response.status,
    code: fallback,
    retryAfter: retryAfterOf(response, undefined),
  });
}

/** Sends a request; answers the response when it is a success, else throws its ApiError. */
async function send(path: string, options: RequestOptions<unknown>): Promise<Response> {
  const { method = 'GET', body, signal, headers } = options;
  // Multipart bodies (uploads) carry their own Content-Type with the boundary.
  const multipart = body instanceof FormData;
  let response: Response;
  try {
    response = await fetch(urlOf(path), {
      method,
      credentials: 'include',
      signal,
      headers: {
        Accept: 'application/json',
        ...(body === undefined || multipart ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK', message: 'Network request failed' });
  }

  if (!response.ok) {
    const error = await errorOf(response);
    if (error.status === 401 && isSessionGone(error.code)) {
      for (const listener of sessionGoneListeners) listener(error);
    }
    throw error;
  }
  return response;
}

/** The one HTTP client (HOUSE rule 4): every failure becomes an ApiError. */
export async function request<T = void>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const response = await send(path, options);
  const { schema } = options;
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: 'INTERNAL',
      message: 'Unexpected response',
    });
  }
  return parsed.data;
}

/** A file download through the same client, so its failures are ApiErrors too. */
export async function requestBlob(
  path: string,
  options: { signal?: AbortSignal } = {},
): Promise<Blob> {
  const response = await send(path, options);
  return response.blob();
}

function isSessionGone(code: ErrorCode): boolean {
  return code === 'UNAUTHENTICATED' || code === 'SESSION_EXPIRED';
}
