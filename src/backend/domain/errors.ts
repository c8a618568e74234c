import type { ErrorCode } from '@/api/error-codes';
import type { SessionEndCause } from '@/api/session-end-causes';

/**
 * A refusal by the domain core. Refusals that change nothing are thrown; refusals
 * that must be recorded (a failed password counts towards a lockout) are returned
 * from the transaction so the change is written, then thrown by the service.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs: number | null;
  readonly fieldErrors: Record<string, string> | null;
  /** DRIFT-1: how far the phone's clock seems off, for a wrong dynamic code; positive is ahead. */
  readonly driftSeconds: number | null;
  readonly endedBy: SessionEndCause | null;

  constructor(
    code: ErrorCode,
    options: {
      retryAfterMs?: number;
      fieldErrors?: Record<string, string>;
      driftSeconds?: number;
      endedBy?: SessionEndCause;
    } = {},
  ) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.fieldErrors = options.fieldErrors ?? null;
    this.driftSeconds = options.driftSeconds ?? null;
    this.endedBy = options.endedBy ?? null;
  }
}
