/** Every timer and limit of the mock server, named with its unit (HOUSE rule 7). */
const SECOND_MS = 1_000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

export const PASSWORD_MAX_FAILURES = 5;
export const PASSWORD_LOCKOUT_MS = 15 * MINUTE_MS;
/** Failed attempts older than this are forgotten, so unknown emails cannot pile up. */
export const PASSWORD_FAILURE_MEMORY_MS = 24 * HOUR_MS;

export const PENDING_SESSION_TTL_MS = 10 * MINUTE_MS;
export const SESSION_IDLE_TTL_MS = 2 * HOUR_MS;
export const SESSION_ABSOLUTE_TTL_MS = 12 * HOUR_MS;
export const SESSION_TOKEN_BYTES = 32;

export const OUTBOX_MAX_MESSAGES = 500;
export const AUDIT_MAX_ENTRIES_PER_ACCOUNT = 200;

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_ALGORITHM = 'SHA1';
/** MOCK-3: the current step and one either side, nothing further. */
export const TOTP_WINDOW_STEPS = 1;
/** BIND-5: 160 bits. */
export const TOTP_SECRET_BYTES = 20;
export const TOTP_ISSUER = 'Guance';
export const ENROLLMENT_SECRET_TTL_MS = 10 * MINUTE_MS;
/** How long an email-verified identity may go on to scan the QR code. */
export const ENROLLMENT_IDENTITY_TTL_MS = 10 * MINUTE_MS;

export const CODE_MAX_FAILURES = 5;
export const CODE_LOCKOUT_MS = 15 * MINUTE_MS;

export const EMAIL_CODE_DIGITS = 6;
export const EMAIL_CODE_TTL_MS = 10 * MINUTE_MS;
export const EMAIL_CODE_MAX_FAILURES = 5;
export const EMAIL_CODE_RESEND_INTERVAL_MS = 60 * SECOND_MS;
export const EMAIL_CODE_MAX_PER_HOUR = 5;
export const EMAIL_CODE_RATE_WINDOW_MS = HOUR_MS;
