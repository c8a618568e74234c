/** Every timer and limit of the mock server, named with its unit (HOUSE rule 7). */
const SECOND_MS = 1_000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

export const PASSWORD_MAX_FAILURES = 5;
export const PASSWORD_LOCKOUT_MS = 15 * MINUTE_MS;

export const PENDING_SESSION_TTL_MS = 10 * MINUTE_MS;
export const SESSION_IDLE_TTL_MS = 2 * HOUR_MS;
export const SESSION_ABSOLUTE_TTL_MS = 12 * HOUR_MS;
export const SESSION_TOKEN_BYTES = 32;

export const OUTBOX_MAX_MESSAGES = 500;
export const AUDIT_MAX_ENTRIES_PER_ACCOUNT = 200;
