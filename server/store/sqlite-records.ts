import Database from 'better-sqlite3';
import type { Clock } from '@/backend/domain/context';
import {
  type CollectionStoreOptions,
  createCollectionStore,
} from '@/backend/store/collection-store';
import type { Key, KeyRange, RecordBackend, RecordTx } from '@/backend/store/record-backend';
import type { StateStore } from '@/backend/store/state-store';
import { columnValue, primaryName, primaryOf } from './record-columns';
import { comparisonSql, rangeComparisons } from './sql-key-range';
import { sqliteDialect } from './sqlite-dialect';
import { migrateSqlite } from './sqlite-migrate';
import { sqliteTransaction, statementOf } from './sqlite-transaction';
import { type TableLayout, tableLayouts, transactionLayouts } from './table-layout';

/** How long a writer waits for another process's lock before the request gets 503. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating it if need be) and migrates the server's database. WAL lets
 * readers and one writer work at once, and with synchronous=NORMAL a commit
 * survives a crash of the process (only a power loss can take the last ones).
 */
export function openSqliteDatabase(
  file: string,
  options: { busyTimeoutMs?: number } = {},
): Database.Database {
  const db = new Database(file);
  try {
    // First, so that the steps below wait for another process starting at the same time.
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? SQLITE_BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrateSqlite(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

const { quote } = sqliteDialect;

const primaryColumn = (layout: TableLayout) => quote(primaryName(layout));

type Row = { s: number; body: string };
const asStored = (row: Row) => ({ s: row.s, v: JSON.parse(row.body) as unknown });

/**
 * SQLite as a record backend (ADR 0021), with the memory backend's semantics:
 * a table per store, each record's key and index fields in typed columns and
 * the record as JSON, so records come back as fresh objects. Transactions of
 * this process run one at a time, each BEGIN IMMEDIATE … COMMIT.
 */
export function createSqliteRecordBackend(db: Database.Database): RecordBackend {
  const layouts = tableLayouts();
  const run = (sql: string, ...values: unknown[]) => statementOf(db, sql).run(...values);
  const one = (sql: string, ...values: unknown[]) => statementOf(db, sql).get(...values);
  const all = (sql: string, ...values: unknown[]) => statementOf(db, sql).all(...values);

  function upsert(layout: TableLayout, value: unknown, key?: Key) {
    const table = quote(layout.table);
    if (layout.kind === 'meta') {
      if (key === undefined) throw new TypeError(`${layout.table}: a record without a key`);
      run(
        `INSERT INTO ${table} ("key", "body") VALUES (?, ?) ON CONFLICT ("key") DO UPDATE SET "body" = excluded."body"`,
        primaryOf(layout, key),
        JSON.stringify(value ?? null),
      );
      return;
    }
    const { s, v } = value as { s: unknown; v: unknown };
    const primary = primaryOf(layout, key ?? (s as Key));
    const columns = layout.kind === 'collection' ? layout.columns : [];
    const names = ['s', ...columns.map((column) => column.name), 'body'].map(quote);
    const updates = names.slice(1).map((name) => `${name} = excluded.${name}`);
    run(
      `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ` +
        `ON CONFLICT ("s") DO UPDATE SET ${updates.join(', ')}`,
      primary,
      ...columns.map((column) => columnValue(layout.table, v, column)),
      JSON.stringify(v ?? null),
    );
  }

  function fromIndex(layout: TableLayout, index: string, range: KeyRange): unknown[] {
    const found = layout.kind === 'collection' ? layout.indexes.get(index) : undefined;
    if (!found) throw new Error(`No index ${index} on ${layout.table}`);
    const comparisons = rangeComparisons(found.columns, found.compound, range);
    if (comparisons.includes(false)) return [];
    const names = found.columns.map((column) => quote(column.name));
    const conditions = names.map((name) => `${name} IS NOT NULL`);
    const values: unknown[] = [];
    for (const comparison of comparisons) {
      if (typeof comparison === 'boolean') continue;
      conditions.push(comparisonSql(comparison, quote));
      values.push(...comparison.values);
    }
    const sql =
      `SELECT "s", "body" FROM ${quote(layout.table)} WHERE ${conditions.join(' AND ')} ` +
      `ORDER BY ${[...names, '"s"'].join(', ')}`;
    return (all(sql, ...values) as Row[]).map(asStored);
  }

  return {
    transaction(stores, body) {
      const { layoutOf, finish } = transactionLayouts(layouts, stores);
      const tx: RecordTx = {
        async get(store, key) {
          const layout = layoutOf(store);
          const table = quote(layout.table);
          if (layout.kind === 'meta') {
            const row = one(`SELECT "body" FROM ${table} WHERE "key" = ?`, primaryOf(layout, key));
            return row === undefined ? undefined : JSON.parse((row as Row).body);
          }
          const row = one(`SELECT "s", "body" FROM ${table} WHERE "s" = ?`, primaryOf(layout, key));
          return row === undefined ? undefined : asStored(row as Row);
        },
        async getAll(store) {
          const layout = layoutOf(store);
          const table = quote(layout.table);
          if (layout.kind === 'meta') {
            const rows = all(`SELECT "body" FROM ${table} ORDER BY "key"`) as Row[];
            return rows.map((row) => JSON.parse(row.body) as unknown);
          }
          return (all(`SELECT "s", "body" FROM ${table} ORDER BY "s"`) as Row[]).map(asStored);
        },
        async getAllFromIndex(store, index, range) {
          return fromIndex(layoutOf(store), index, range);
        },
        async count(store) {
          const layout = layoutOf(store);
          return (one(`SELECT count(*) AS n FROM ${quote(layout.table)}`) as { n: number }).n;
        },
        async deleteFirst(store, count) {
          const layout = layoutOf(store);
          if (count <= 0) return;
          const [table, key] = [quote(layout.table), primaryColumn(layout)];
          run(
            `DELETE FROM ${table} WHERE ${key} IN (SELECT ${key} FROM ${table} ORDER BY ${key} LIMIT ?)`,
            count,
          );
        },
        put(store, value, key) {
          upsert(layoutOf(store), value, key);
        },
        delete(store, key) {
          const layout = layoutOf(store);
          run(
            `DELETE FROM ${quote(layout.table)} WHERE ${primaryColumn(layout)} = ?`,
            primaryOf(layout, key),
          );
        },
        clear(store) {
          run(`DELETE FROM ${quote(layoutOf(store).table)}`);
        },
      };
      return sqliteTransaction(db, async () => {
        try {
          return await body(tx);
        } finally {
          finish();
        }
      });
    },
  };
}

/** The server's state store: the browser's collection store over SQLite tables. */
export function createSqliteStore(
  db: Database.Database,
  clock: Clock,
  options: CollectionStoreOptions,
): StateStore {
  return createCollectionStore(createSqliteRecordBackend(db), clock, options);
}
