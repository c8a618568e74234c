/** Thrown when a collection the plan did not load is touched: declare it (ADR 0017). */
export class NotLoadedError extends Error {
  constructor(what: string) {
    super(`${what} was not loaded by this transaction's plan; declare it (ADR 0017)`);
    this.name = 'NotLoadedError';
  }
}

/** How long a client is told to wait before retrying when the database was busy. */
export const STORE_BUSY_RETRY_AFTER_SECONDS = 1;

/**
 * The database stayed locked by another writer past its wait: nothing was
 * written, and the same request may succeed in a moment. The HTTP layer
 * answers 503 with Retry-After.
 */
export class StoreBusyError extends Error {
  readonly retryAfterSeconds = STORE_BUSY_RETRY_AFTER_SECONDS;

  constructor(options?: { cause?: unknown }) {
    super('The database is busy; retry shortly', options);
    this.name = 'StoreBusyError';
  }
}

/** Why stored state cannot be used as it is. */
export type MismatchReason = 'legacy' | 'corrupt' | 'outdated' | 'sealed';

const DESCRIPTIONS: Record<MismatchReason, string> = {
  legacy: 'is in the old single-record layout',
  corrupt: 'cannot be read',
  outdated: 'is of another schema',
  sealed: 'is sealed with another key than the one configured (DATA_KEY)',
};

/**
 * Stored state this code cannot use, found by a store told never to replace
 * it (a server's: it never wipes its data). The browser's store resets such
 * state with a notice instead (MOCK-2).
 */
export class StoredStateMismatchError extends Error {
  constructor(
    readonly reason: MismatchReason,
    /** The stored SCHEMA_VERSION, or null when it cannot be read. */
    readonly storedVersion: number | null,
    readonly expectedVersion: number,
  ) {
    super(
      reason === 'sealed'
        ? `Stored state ${DESCRIPTIONS[reason]}; refusing to use it`
        : `Stored state ${DESCRIPTIONS[reason]} (version ${storedVersion ?? 'unknown'}, ` +
            `this code expects ${expectedVersion}); refusing to replace it`,
    );
    this.name = 'StoredStateMismatchError';
  }
}
