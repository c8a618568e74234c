/**
 * Machine-readable error codes of the HTTP contract. Screens translate these;
 * the English `message` in an error body is for logs only.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'MFA_REQUIRED',
  'MFA_SETUP_REQUIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'INVALID_CODE',
  'CODE_LOCKED',
  'INVALID_EMAIL_CODE',
  'RATE_LIMITED',
  'MFA_ALREADY_BOUND',
  'MFA_NOT_BOUND',
  'ENROLLMENT_REQUIRED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
  'NETWORK',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The HTTP status each code is answered with; NETWORK never comes from a server. */
export const ERROR_STATUS: Record<Exclude<ErrorCode, 'NETWORK'>, number> = {
  VALIDATION_FAILED: 400,
  INVALID_CREDENTIALS: 401,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  MFA_REQUIRED: 403,
  MFA_SETUP_REQUIRED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  MFA_ALREADY_BOUND: 409,
  MFA_NOT_BOUND: 409,
  ENROLLMENT_REQUIRED: 409,
  INVALID_CODE: 400,
  INVALID_EMAIL_CODE: 400,
  CODE_LOCKED: 429,
  RATE_LIMITED: 429,
  ACCOUNT_LOCKED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
};
