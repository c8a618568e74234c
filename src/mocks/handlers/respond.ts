import {
  http,
  HttpResponse,
  type DefaultBodyType,
  type HttpResponseResolver,
  type PathParams,
} from 'msw';
import type * as z from 'zod/mini';
import { ERROR_STATUS } from '@/api/error-codes';
import { SECOND_MS } from '@/api/limits';
import { fieldErrorsOf, type ErrorBody } from '@/api/schemas/common';
import { DomainError } from '../domain/errors';

export const NO_STORE = { 'Cache-Control': 'no-store' } as const;

const ERROR_MESSAGES: Record<Exclude<DomainError['code'], 'NETWORK'>, string> = {
  VALIDATION_FAILED: 'The request is not valid.',
  INVALID_CREDENTIALS: 'Incorrect email or password.',
  ACCOUNT_LOCKED: 'Too many failed attempts. Try again later.',
  UNAUTHENTICATED: 'Sign in to continue.',
  SESSION_EXPIRED: 'The session has expired.',
  MFA_REQUIRED: 'The MFA code is still owed.',
  MFA_SETUP_REQUIRED: 'Bind MFA to continue.',
  FORBIDDEN: 'Not allowed.',
  NOT_FOUND: 'Not found.',
  INVALID_CODE: 'The code is not valid.',
  CODE_LOCKED: 'Too many wrong codes. Try again later.',
  INVALID_EMAIL_CODE: 'The verification code is not valid.',
  RATE_LIMITED: 'Too many requests. Try again later.',
  MFA_ALREADY_BOUND: 'MFA is already bound.',
  MFA_NOT_BOUND: 'MFA is not bound.',
  ENROLLMENT_REQUIRED: 'Start the binding again.',
  OWNER_MFA_REQUIRED: 'Bind MFA before switching this on.',
  TICKET_STATUS_CONFLICT: 'The ticket is not in a state that allows this.',
  IDEMPOTENCY_KEY_REUSED: 'This key was already used for another request.',
  SERVICE_UNAVAILABLE: 'The service is unavailable.',
  INTERNAL: 'Something went wrong.',
};

/**
 * Reads a JSON body and checks it against the contract schema the client uses
 * too (MOCK-1). The verdict is opened with `value()` inside the operation, after
 * the session is checked, so a caller without the right session learns nothing
 * about what a valid body looks like (LOGIN-5).
 */
export async function readBody<T>(
  request: Request,
  schema: z.ZodMiniType<T>,
): Promise<{ value: () => T }> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return {
      value: () => {
        throw new DomainError('VALIDATION_FAILED', { fieldErrors: { _: 'invalid_json' } });
      },
    };
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return { value: () => parsed.data };
  const fieldErrors = fieldErrorsOf(parsed.error, body);
  return {
    value: () => {
      throw new DomainError('VALIDATION_FAILED', { fieldErrors });
    },
  };
}

/** For endpoints open to anyone: the body is checked at once. */
export async function parseBody<T>(request: Request, schema: z.ZodMiniType<T>): Promise<T> {
  return (await readBody(request, schema)).value();
}

export function errorResponse(error: unknown): Response {
  if (!(error instanceof DomainError) || error.code === 'NETWORK') {
    // Never echo an unexpected error: it could hold a secret (MOCK-6).
    if (!(error instanceof DomainError)) console.warn('[mock server] unexpected error', error);
    return HttpResponse.json<ErrorBody>(
      { error: { code: 'INTERNAL', message: 'Something went wrong.' } },
      { status: 500, headers: NO_STORE },
    );
  }
  const retryAfter =
    error.retryAfterMs === null
      ? undefined
      : Math.max(1, Math.ceil(error.retryAfterMs / SECOND_MS));
  const headers = new Headers(NO_STORE);
  if (retryAfter !== undefined) headers.set('Retry-After', String(retryAfter));
  return HttpResponse.json<ErrorBody>(
    {
      error: {
        code: error.code,
        message: ERROR_MESSAGES[error.code],
        ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
        ...(retryAfter === undefined ? {} : { retryAfter }),
      },
    },
    { status: ERROR_STATUS[error.code], headers },
  );
}

type Resolver<P extends PathParams> = (
  info: Parameters<HttpResponseResolver<P, DefaultBodyType, undefined>>[0],
) => Promise<Response>;

function safely<P extends PathParams>(
  resolver: Resolver<P>,
): HttpResponseResolver<P, DefaultBodyType, undefined> {
  return async (info) => {
    try {
      return await resolver(info);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Routes whose every refusal becomes the contract's error body. */
export const route = {
  get: <P extends PathParams = PathParams>(path: string, resolver: Resolver<P>) =>
    http.get<P>(path, safely(resolver)),
  post: <P extends PathParams = PathParams>(path: string, resolver: Resolver<P>) =>
    http.post<P>(path, safely(resolver)),
  put: <P extends PathParams = PathParams>(path: string, resolver: Resolver<P>) =>
    http.put<P>(path, safely(resolver)),
  delete: <P extends PathParams = PathParams>(path: string, resolver: Resolver<P>) =>
    http.delete<P>(path, safely(resolver)),
};

/** Whole seconds from now until a moment on the server's clock; null for none. */
export function secondsUntil(epochMs: number | null, now: number): number | null {
  return epochMs === null ? null : Math.max(0, Math.ceil((epochMs - now) / SECOND_MS));
}
