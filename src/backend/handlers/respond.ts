import { HttpResponse } from 'msw';
import { ERROR_STATUS } from '@/api/error-codes';
import { SECOND_MS } from '@/api/limits';
import type { ErrorBody } from '@/api/schemas/common';
import { DomainError } from '../domain/errors';
import { StoreBusyError } from '../store/store-errors';

export const NO_STORE = { 'Cache-Control': 'no-store' } as const;

const ERROR_MESSAGES: Record<Exclude<DomainError['code'], 'NETWORK'>, string> = {
  VALIDATION_FAILED: 'The request is not valid.',
  INVALID_CREDENTIALS: 'Incorrect email or password.',
  INVALID_PASSWORD: 'The current password is not correct.',
  ACCOUNT_LOCKED: 'Too many failed attempts. Try again later.',
  UNAUTHENTICATED: 'Sign in to continue.',
  SESSION_EXPIRED: 'The session has expired.',
  SESSION_ENDED: 'The session was ended elsewhere.',
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
  GRACE_PERIOD_NOT_ACTIVE: 'No grace period is running.',
  SECURE_WORKSPACE_POLICY: 'A Secure Workspace keeps remembered browsers off.',
  TICKET_STATUS_CONFLICT: 'The ticket is not in a state that allows this.',
  IDEMPOTENCY_KEY_REUSED: 'This key was already used for another request.',
  UNSUPPORTED_MEDIA_TYPE:
    'The body must be sent as application/json (multipart/form-data for uploads).',
  ORIGIN_NOT_ALLOWED: 'Requests from this origin are not accepted.',
  PAYLOAD_TOO_LARGE: 'The request body is too large.',
  RESET_REQUIRED: 'Too many failed attempts. Reset the password by email to unlock.',
  SECURITY_KEY_REFUSED: 'The security key was not accepted.',
  SECURITY_KEY_LIMIT: 'The account holds as many security keys as it may.',
  SECURITY_KEY_EXISTS: 'This security key is already added.',
  SERVICE_UNAVAILABLE: 'The service is unavailable.',
  INTERNAL: 'Something went wrong.',
};

/** Any refusal as the contract's error body; anything unexpected as a bare 500. */
export function errorResponse(error: unknown): Response {
  // A database busy past its wait (a server's SQLite): the client may try again shortly.
  if (error instanceof StoreBusyError) {
    return errorResponse(
      new DomainError('SERVICE_UNAVAILABLE', { retryAfterMs: error.retryAfterSeconds * SECOND_MS }),
    );
  }
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
        ...(error.driftSeconds === null ? {} : { driftSeconds: error.driftSeconds }),
        ...(error.endedBy ? { endedBy: error.endedBy } : {}),
      },
    },
    { status: ERROR_STATUS[error.code], headers },
  );
}

/** Whole seconds from now until a moment on the server's clock; null for none. */
export function secondsUntil(epochMs: number | null, now: number): number | null {
  return epochMs === null ? null : Math.max(0, Math.ceil((epochMs - now) / SECOND_MS));
}
