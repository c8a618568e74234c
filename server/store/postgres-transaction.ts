import { Pool, type PoolClient, type PoolConfig, types } from 'pg';
import { StoreBusyError } from '@/backend/store/store-errors';

/** How many times a transaction runs before a conflict is answered 503 (ADR 0025). */
export const POSTGRES_TRANSACTION_ATTEMPTS = 5;

/** serialization_failure and deadlock_detected: the transaction may succeed if run again. */
const RETRYABLE = new Set(['40001', '40P01']);

const INT8_OID = 20;

/**
 * BIGINT (sequences, count(*)) as a JavaScript number instead of pg's default
 * string: the store's sequences stay far below 2^53.
 */
const parsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
};

/**
 * A pool on DATABASE_URL. A connection that dies while idle is reported by
 * the pool, not thrown: without a listener Node would end the process.
 */
export function createPostgresPool(
  config: PoolConfig,
  onError: (error: Error) => void = () => undefined,
): Pool {
  const pool = new Pool({ ...config, types: parsers });
  pool.on('error', onError);
  return pool;
}

export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

/** A pause before the next attempt, longer each time and random, so the losers do not meet again. */
const backoff = (attempt: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));

export interface SerializableOptions {
  attempts?: number;
  /** Told of each conflict that made the body run again (tests count them). */
  onRetry?: (error: unknown) => void;
  /** Told when an attempt has committed or rolled back, before the next one starts. */
  onAttemptEnd?: () => void;
  /** Whether the attempt that just conflicted is not counted against `attempts`. */
  isUncounted?: () => boolean;
}

/**
 * Runs `body` on one client as BEGIN ISOLATION LEVEL SERIALIZABLE … COMMIT,
 * or ROLLBACK when it throws. When PostgreSQL refuses it for a conflict with
 * another transaction, nothing of it was written, and the whole body runs
 * again on a fresh snapshot, up to `attempts` times; then StoreBusyError.
 * `body` may therefore run more than once and must only act through the client.
 * `failure()` gives the first error of the writes the body sent without awaiting.
 */
export async function serializable<T>(
  pool: Pool,
  body: (client: PoolClient, attempt: number) => Promise<T>,
  failure: () => Promise<unknown>,
  options: SerializableOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? POSTGRES_TRANSACTION_ATTEMPTS;
  let counted = 0;
  for (let attempt = 1; ; attempt += 1) {
    let client: PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      // The pool is full or the server does not answer: the request may succeed in a moment.
      throw new StoreBusyError({ cause: error });
    }
    let broken: unknown;
    try {
      await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
      const result = await body(client, attempt);
      await client.query('COMMIT');
      return result;
    } catch (thrown) {
      // A queued write that failed aborted the transaction: what the body saw afterwards says less.
      const error = (await failure()) ?? thrown;
      await client.query('ROLLBACK').catch((rollback: unknown) => {
        broken = rollback;
      });
      if (!isRetryable(error)) throw error;
      if (!options.isUncounted?.()) counted += 1;
      if (counted >= attempts) throw new StoreBusyError({ cause: error });
      options.onRetry?.(error);
    } finally {
      // A connection that could not roll back is not given to the next request.
      client.release(broken instanceof Error ? broken : undefined);
      options.onAttemptEnd?.();
    }
    await backoff(attempt);
  }
}
