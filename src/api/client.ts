import { ApiError } from './api-error';
import { ERROR_CODES, type ErrorCode } from './error-codes';
import type { Language } from './languages';
import { SESSION_END_CAUSES, type SessionEndCause } from './session-end-causes';

/**
 * Empty means same origin, where the mock backend answers; `/` (the server's
 * own build, SERVER-1) or a path is resolved against this page's origin.
 */
const API_BASE_URL: string = import.meta.env.VITE_API_BASE_URL ?? '';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  /** Sent as JSON, or as multipart when it is FormData (uploads). */
  body?: unknown;
  signal?: AbortSignal | undefined;
  headers?: Record<string, string>;
}

/** What sends a request to the backend, as `fetch` does: the network, or the mock in this page. */
export type Transport = (url: string, init: RequestInit) => Promise<Response>;

const network: Transport = (url, init) => fetch(url, init);
let transport: Promise<Transport> = Promise.resolve(network);

/**
 * The in-browser mock backend answers in the page (ADR 0038): once its code
 * has loaded it gives the transport its handlers answer through. The first
 * screen may paint before that, so requests wait here for it, and none ever
 * reaches the network in place of the mock (QUAL-3, SPEC 13).
 */
export function sendRequestsThrough(ready: Promise<Transport>): void {
  transport = ready;
}

let requestLanguage: () => Language | null = () => null;

/**
 * Every request names the language the screens show in `Accept-Language`,
 * which the backend writes its emails in; the browser's own header would
 * name the browser's language, not the one chosen in the console.
 */
export function sendLanguageFrom(current: () => Language): void {
  requestLanguage = current;
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

const SESSION_INTERRUPTIONS: ReadonlySet<ErrorCode> = new Set([
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'SESSION_ENDED',
  'MFA_REQUIRED',
  'MFA_SETUP_REQUIRED',
]);

/** The contract's paths are absolute; a base URL may add a prefix such as `/gateway`. */
function urlOf(path: string): string {
  const base = new URL(API_BASE_URL || '/', globalThis.location.origin).toString();
  return new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`).toString();
}

function retryAfterOf(response: Response, fromBody: unknown): number | null {
  if (typeof fromBody === 'number') return fromBody;
  const seconds = Number(response.headers.get('Retry-After') ?? Number.NaN);
  return Number.isFinite(seconds) ? seconds : null;
}

function isSessionEndCause(value: unknown): value is SessionEndCause {
  return typeof value === 'string' && (SESSION_END_CAUSES as readonly string[]).includes(value);
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

async function errorOf(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const error =
    typeof body === 'object' && body !== null && 'error' in body
      ? (body.error as Record<string, unknown>)
      : null;
  if (error && isErrorCode(error.code)) {
    return new ApiError({
      status: response.status,
      code: error.code,
      message: typeof error.message === 'string' ? error.message : undefined,
      fieldErrors: stringRecord(error.fieldErrors),
      retryAfter: retryAfterOf(response, error.retryAfter),
      driftSeconds: typeof error.driftSeconds === 'number' ? error.driftSeconds : null,
      endedBy: isSessionEndCause(error.endedBy) ? error.endedBy : null,
    });
  }
  return new ApiError({
    status: response.status,
    code: response.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL',
    retryAfter: retryAfterOf(response, undefined),
  });
}

function languageHeader(): Record<string, string> {
  const language = requestLanguage();
  return language === null ? {} : { 'Accept-Language': language };
}

/** Sends a request; answers the response when it is a success, else throws its ApiError. */
async function send(path: string, options: RequestOptions): Promise<Response> {
  const { method = 'GET', body, signal, headers } = options;
  // Multipart bodies carry their own Content-Type, with the boundary.
  const multipart = body instanceof FormData;
  const init: RequestInit = {
    method,
    credentials: 'include',
    signal,
    headers: {
      Accept: 'application/json',
      ...languageHeader(),
      ...(body === undefined || multipart ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
  };
  let response: Response;
  try {
    response = await (await transport)(urlOf(path), init);
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK', message: 'Network request failed' });
  }

  if (!response.ok) {
    const error = await errorOf(response);
    if (SESSION_INTERRUPTIONS.has(error.code)) {
      for (const listener of sessionListeners) listener(error);
    }
    throw error;
  }
  return response;
}

/**
 * The one HTTP client (HOUSE rule 4): every failure becomes an ApiError. `T` is
 * the contract's type for the answer; the server validates what it is sent
 * against the contract's schemas, and the client trusts the types it is given
 * (docs/decisions/0010).
 */
export async function request<T = void>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError({
      status: response.status,
      code: 'INTERNAL',
      message: 'Unexpected response',
    });
  }
}

/** A file download through the same client, so its failures are ApiErrors too. */
export async function requestBlob(
  path: string,
  options: { signal?: AbortSignal } = {},
): Promise<Blob> {
  const response = await send(path, options);
  return response.blob();
}
