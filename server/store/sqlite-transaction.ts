import { resolve } from 'node:path';
import type { Database, Statement } from 'better-sqlite3';
import { StoreBusyError } from '@/backend/store/store-errors';

/** SQLite's codes for a lock another connection held past busy_timeout, extended ones included. */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
  );
}

/** A busy database becomes StoreBusyError, which the HTTP layer answers with 503. */
function asStoreError(error: unknown): unknown {
  return isBusy(error) ? new StoreBusyError({ cause: error }) : error;
}

function rollBack(db: Database): void {
  // SQLite may have rolled back by itself already (a full disk, say).
  if (db.inTransaction) db.exec('ROLLBACK');
}

/**
 * Runs `body` in a write transaction taken at once (BEGIN IMMEDIATE), so two
 * processes never both read and then fail to upgrade to writing; commits when
 * it returns, rolls back when it throws.
 */
export function immediately<T>(db: Database, body: () => T): T {
  try {
    db.exec('BEGIN IMMEDIATE');
    const result = body();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    rollBack(db);
    throw asStoreError(error);
  }
}

/**
 * One queue per database file in this process: a transaction spans awaits,
 * and anything else run on the connection meanwhile would land inside it.
 * Two connections to one file share the queue, since the second would
 * otherwise wait for the first's lock blocking the event loop the first needs.
 */
const queues = new Map<unknown, Promise<unknown>>();
const queueKey = (db: Database) => (db.memory ? db : resolve(db.name));

/**
 * `immediately` for a body that awaits: transactions of this process run one
 * after the other, each BEGIN IMMEDIATE … COMMIT, or ROLLBACK if the body
 * rejects, so all its writes land or none do.
 */
export function sqliteTransaction<T>(db: Database, body: () => Promise<T>): Promise<T> {
  const run = async () => {
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      throw asStoreError(error);
    }
    try {
      const result = await body();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      rollBack(db);
      throw asStoreError(error);
    }
  };
  const key = queueKey(db);
  const next = (queues.get(key) ?? Promise.resolve()).then(run, run);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  // The last one out leaves no entry behind: tests open many files.
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}

const statements = new WeakMap<Database, Map<string, Statement>>();

/** A prepared statement, prepared once per connection and SQL text. */
export function statementOf(db: Database, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}
