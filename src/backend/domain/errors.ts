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
  readonly endedBy: SessionEndCause | null;

  constructor(
    code: ErrorCode,
    options: {
      retryAfterMs?: number;
      fieldErrors?: Record<string, string>;
      endedBy?: SessionEndCause;
    } = {},
  ) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.fieldErrors = options.fieldErrors ?? null;
    this.endedBy = options.endedBy ?? null;
  }
}
