import type { ErrorCode } from './error-codes';
import type { SessionEndCause } from './session-end-causes';

export type FieldErrors = Readonly<Record<string, string>>;

/** The one error every failed request becomes (HOUSE rule 4). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly fieldErrors: FieldErrors;
  /** Seconds until the request may be retried, from `Retry-After`. */
  readonly retryAfter: number | null;
  /** When the request may be retried, on this browser's clock. */
  readonly retryAt: number | null;
  /** DRIFT-1: how far the phone's clock seems off (positive: ahead), for a wrong dynamic code. */
  readonly driftSeconds: number | null;
  /** SESSION_ENDED: why the server ended the session. */
  readonly endedBy: SessionEndCause | null;

  constructor(init: {
    status: number;
    code: ErrorCode;
    message?: string;
    fieldErrors?: FieldErrors;
    retryAfter?: number | null;
    driftSeconds?: number | null;
    endedBy?: SessionEndCause | null;
  }) {
    super(init.message ?? init.code);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fieldErrors = init.fieldErrors ?? {};
    this.retryAfter = init.retryAfter ?? null;
    this.retryAt = this.retryAfter === null ? null : Date.now() + this.retryAfter * 1000;
    this.driftSeconds = init.driftSeconds ?? null;
    this.endedBy = init.endedBy ?? null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
