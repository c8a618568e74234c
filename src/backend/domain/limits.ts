import { DAY_MS, HOUR_MS, MINUTE_MS, RECOVERY_CODE_CHARACTERS, SECOND_MS } from '@/api/limits';

/**
 * Every timer and limit of the mock server, named with its unit (HOUSE rule 7).
 * The limits the client shows too are the contract's, in `src/api/limits.ts`.
 */

export const PASSWORD_MAX_FAILURES = 5;
export const PASSWORD_LOCKOUT_MS = 15 * MINUTE_MS;
/**
 * Failed attempts older than this are forgotten, so unknown emails cannot pile
 * up: when the email's throttle is next read (ADR 0024: a sweep of them all
 * waits for an index of the throttle by time).
 */
export const PASSWORD_FAILURE_MEMORY_MS = 24 * HOUR_MS;
/**
 * PBKDF2-SHA256 rounds of the mock (GUARD-7). WebCrypto does 100,000 in about
 * 20 ms off the main thread; a real backend uses Argon2id, or at least 600,000
 * rounds (docs/api.md, Security).
 */
export const PASSWORD_HASH_ITERATIONS = 100_000;

export const PENDING_SESSION_TTL_MS = 10 * MINUTE_MS;
export const SESSION_TOKEN_BYTES = 32;

export const OUTBOX_MAX_MESSAGES = 500;
/**
 * Sessions ended from elsewhere that are remembered, newest kept, so their
 * tabs can say why (SESSION_ENDED); an older one's tab just shows the login.
 */
export const ENDED_SESSIONS_MAX_RECORDS = 10_000;
export const AUDIT_MAX_ENTRIES_PER_ACCOUNT = 200;
/** LOG-1: the security log's page when the request names none. */
export const AUDIT_PAGE_SIZE_DEFAULT = 20;

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_ALGORITHM = 'SHA1';
/** MOCK-3: the current step and one either side, nothing further. */
export const TOTP_WINDOW_STEPS = 1;
/**
 * DRIFT-1: a refused code is looked for up to this many steps either side of
 * now (300 s), past the window, to tell a phone whose clock is off; at most
 * 2 x (10 - 1) = 18 extra HMACs, and only for a wrong code.
 */
export const TOTP_DRIFT_HINT_MAX_STEPS = 10;
/** BIND-5: 160 bits. */
export const TOTP_SECRET_BYTES = 20;
export const TOTP_ISSUER = 'Guance';
export const ENROLLMENT_SECRET_TTL_MS = 10 * MINUTE_MS;
/** How long an email-verified identity may go on to scan the QR code. */
export const ENROLLMENT_IDENTITY_TTL_MS = 10 * MINUTE_MS;

export const CODE_MAX_FAILURES = 5;
export const CODE_LOCKOUT_MS = 15 * MINUTE_MS;

/**
 * GUARD-4: failures in a row, across lockouts, after which password or code
 * entry stays locked until the email is proven (a reset) or an agent acts
 * (NIST SP 800-63B caps consecutive failures at 100).
 */
export const FAILURES_IN_A_ROW_MAX = 100;

export const EMAIL_CODE_DIGITS = 6;
export const EMAIL_CODE_TTL_MS = 10 * MINUTE_MS;
export const EMAIL_CODE_MAX_FAILURES = 5;
export const EMAIL_CODE_RESEND_INTERVAL_MS = 60 * SECOND_MS;
export const EMAIL_CODE_MAX_PER_HOUR = 5;
export const EMAIL_CODE_RATE_WINDOW_MS = HOUR_MS;

/** TICKET-5: a ticket left in Feedback Provided this long closes by itself. */
export const TICKET_AUTO_CLOSE_MS = 7 * DAY_MS;
/** TICKET-11: how far back customer service's review counts an account's wrong codes. */
export const REVIEW_WRONG_CODES_WINDOW_MS = DAY_MS;
/** How long a creation's Idempotency-Key is remembered. */
export const IDEMPOTENCY_KEY_TTL_MS = DAY_MS;
/** An upload no ticket used within this time is deleted, at its owner's next upload (ADR 0024). */
export const ATTACHMENT_ORPHAN_TTL_MS = DAY_MS;
/** Uploads an account may hold unused at once, so a pending session cannot fill the store. */
export const ATTACHMENT_MAX_UNUSED_PER_ACCOUNT = 20;
/** GUARD-5: tickets one account may file in any window of this length, and how many. */
export const TICKET_RATE_WINDOW_MS = HOUR_MS;
export const TICKET_MAX_PER_WINDOW = 10;
/** TICKET-12: the random bytes of the link that cancels an Unbind MFA request. */
export const CANCEL_TOKEN_BYTES = 24;
/** The first ticket number handed out. */
export const TICKET_NUMBER_FIRST = 100_001;
/** An export never grows beyond this many rows. */
export const TICKET_EXPORT_MAX_ROWS = 10_000;

/** RECOVERY-1: how many codes a set holds, and how many characters each. */
export const RECOVERY_CODE_COUNT = 10;
export const RECOVERY_CODE_LENGTH = RECOVERY_CODE_CHARACTERS;

/** SESSION-1: the longest user agent kept; real ones are far shorter. */
export const USER_AGENT_MAX_LENGTH = 512;

/** SESSION-1: the longest address kept: an IPv6 address with an IPv4 tail is 45 characters. */
export const IP_ADDRESS_MAX_LENGTH = 45;

/** KEY-3: a WebAuthn challenge answers within this long of being issued, once. */
export const KEY_CHALLENGE_TTL_MS = 5 * MINUTE_MS;
/** KEY-3: random bytes in a WebAuthn challenge (the spec asks for at least 16). */
export const KEY_CHALLENGE_BYTES = 32;
