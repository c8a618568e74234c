import type * as z from 'zod/mini';
import { ApiError } from './api-error';
import type { ErrorCode } from './error-codes';
import { errorBodySchema } from './schemas/common';

/** Empty means same origin, where the mock backend answers. */
const API_BASE_URL: string = import.meta.env.VITE_API_BASE_URL ?? '';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions<T> {
  method?: Method;
  body?: unknown;
  /** Parses the success body; omit for 204 answers. */
  schema?: z.ZodMiniType<T>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

type SessionListener = (error: ApiError) => void;
const sessionListeners = new Set<SessionListener>();

/**
 * Lets the app react when a request is refused because of the session itself:
 * it is gone, or it now owes MFA (a workspace switched mandatory MFA on). Only
 * these are handled globally; every other error belongs to the screen that asked.
 */
export function onSessionInterrupted(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

/** The contract's paths are absolute; a base URL may add a prefix such as `/gateway`. */
function urlOf(path: string): string {
  const base = API_BASE_URL || globalThis.location.origin;
  return new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`).toString();
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

/** The one HTTP client (HOUSE rule 4): every failure becomes an ApiError. */
export async function request<T = void>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const { method = 'GET', body, schema, signal, headers } = options;
  let response: Response;
  try {
    response = await fetch(urlOf(path), {
      method,
      credentials: 'include',
      signal,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK', message: 'Network request failed' });
  }

  if (!response.ok) {
    const error = await errorOf(response);
    if (interruptsSession(error.code)) {
      for (const listener of sessionListeners) listener(error);
    }
    throw error;
  }
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

const SESSION_INTERRUPTIONS: ReadonlySet<ErrorCode> = new Set([
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'MFA_REQUIRED',
  'MFA_SETUP_REQUIRED',
]);

function interruptsSession(code: ErrorCode): boolean {
  return SESSION_INTERRUPTIONS.has(code);
}
