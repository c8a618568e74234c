/**
 * The contract's limits that screens show or enforce as the user types, and
 * that the server checks: all of them, in one module kept apart from the
 * schemas so a screen can read them without loading zod.
 */

/** The units every duration of the contract and of the mock server is written in. */
export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export const CODE_LENGTH = 6;
/** RECOVERY-1: the letters and digits of a recovery code, shown as `xxxxx-xxxxx`. */
export const RECOVERY_CODE_CHARACTERS = 10;
/** The longest recovery code input taken: the code, with room for dashes and spaces. */
export const RECOVERY_CODE_INPUT_MAX_LENGTH = 32;
/** RECOVERY-3: from this many unused recovery codes down, the console warns. */
export const RECOVERY_CODES_LOW = 2;
export const EMAIL_MAX_LENGTH = 254;
export const PASSWORD_MAX_LENGTH = 128;
/** Every id in a path or a body: long enough for any id the server makes, short enough to log. */
export const ID_MAX_LENGTH = 64;

/** Dev tools: how slow, how unreliable and how far off the mock server may be made. */
export const MAX_LATENCY_MS = 3 * SECOND_MS;
export const MAX_ERROR_RATE = 0.5;
/** MANDATORY-5: far enough to step past the longest grace period. */
export const MAX_CLOCK_OFFSET_MS = 15 * DAY_MS;
/** MOCK-8: Load a large demo comes in this many batches, each one transaction. */
export const LARGE_DEMO_BATCHES = 10;
export const LARGE_DEMO_TICKETS_PER_BATCH = 1_000;

/**
 * GUARD-5: the largest body an endpoint reads. JSON bodies are small (the
 * longest field is 2,000 characters); an upload is one file of at most 8 MB
 * (TICKET-3) plus its multipart framing.
 */
export const JSON_BODY_MAX_BYTES = 16 * 1024;
export const MULTIPART_FRAMING_MAX_BYTES = 16 * 1024;

/** TICKET-3: an attachment's stored name; longer names are refused rather than cut. */
export const ATTACHMENT_NAME_MAX_LENGTH = 200;
/** TICKET-1: the largest page a list request may ask for. */
export const TICKET_PAGE_SIZE_MAX = 100;
/** LOG-1: the largest page of the security log a request may ask for. */
export const AUDIT_PAGE_SIZE_MAX = 100;
/** MANDATORY-5: the grace period an Owner may give when switching mandatory MFA on, in days. */
export const MFA_GRACE_DAYS_MIN = 1;
export const MFA_GRACE_DAYS_MAX = 14;
/** The Idempotency-Key of a ticket creation: long enough to be unique, short enough to store. */
export const IDEMPOTENCY_KEY_MIN_LENGTH = 8;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 128;

/** TICKET-2, TICKET-5: the lengths of a ticket's fields, and its rating. */
export const TICKET_TITLE_MAX_LENGTH = 100;
export const TICKET_DESCRIPTION_MAX_LENGTH = 2_000;
export const TICKET_REPLY_MAX_LENGTH = 2_000;
export const TICKET_SEARCH_MAX_LENGTH = 100;
export const TICKET_RATING_MAX = 5;
export const TICKET_RATING_COMMENT_MAX_LENGTH = 500;

/** TICKET-3: the attachment limits, the same in the form and at the API. */
export const ATTACHMENTS_MAX_PER_SUBMISSION = 5;
export const ATTACHMENT_MAX_BYTES = 8 * 1024 * 1024;

/** PASSWORD-1: the shortest new password taken (NIST SP 800-63B). */
export const PASSWORD_MIN_LENGTH = 8;

/**
 * SESSION-3: the login retention time an account may choose, as Guance's
 * Account Management has it: how long an idle session lives, in minutes, and
 * the longest any session lives, in days (0: no limit).
 */
export const RETENTION_IDLE_MINUTES_MIN = 30;
export const RETENTION_IDLE_MINUTES_MAX = 1_440;
export const RETENTION_IDLE_MINUTES_DEFAULT = 30;
export const RETENTION_MAX_DAYS_MIN = 0;
export const RETENTION_MAX_DAYS_MAX = 7;
export const RETENTION_MAX_DAYS_DEFAULT = 7;

/** KEY-1: how many security keys an account holds at most. */
export const SECURITY_KEYS_MAX = 10;
/** KEY-1: the longest name a security key may be given. */
export const SECURITY_KEY_NAME_MAX_LENGTH = 64;
/**
 * KEY-3: the longest base64url field of an attestation or assertion the
 * contract takes; an RSA key's attestation with a certificate chain fits well.
 */
export const WEBAUTHN_FIELD_MAX_LENGTH = 16_384;
