/**
 * The contract's limits that screens show or enforce as the user types. Kept
 * apart from the schemas so a screen can read them without loading zod.
 */
export const CODE_LENGTH = 6;
export const EMAIL_MAX_LENGTH = 254;
export const PASSWORD_MAX_LENGTH = 128;

/** Dev tools: how slow, how unreliable and how far off the mock server may be made. */
export const MAX_LATENCY_MS = 3_000;
export const MAX_ERROR_RATE = 0.5;
export const MAX_CLOCK_OFFSET_MS = 10 * 60 * 1000;
