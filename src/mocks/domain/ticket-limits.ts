/** The timers and limits of tickets (HOUSE rule 7); the attachment limits are in the contract. */
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** TICKET-5: a ticket left in Feedback Provided this long closes by itself. */
export const TICKET_AUTO_CLOSE_MS = 7 * DAY_MS;
/** How long a creation's Idempotency-Key is remembered. */
export const IDEMPOTENCY_KEY_TTL_MS = DAY_MS;
/** An upload no ticket used within this time is deleted. */
export const ATTACHMENT_ORPHAN_TTL_MS = DAY_MS;
/** Uploads an account may hold unused at once, so a pending session cannot fill the store. */
export const ATTACHMENT_MAX_UNUSED_PER_ACCOUNT = 20;
/** The first ticket number handed out. */
export const TICKET_NUMBER_FIRST = 100_001;
/** An export never grows beyond this many rows. */
export const TICKET_EXPORT_MAX_ROWS = 10_000;
