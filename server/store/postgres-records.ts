import type { Pool, PoolClient } from 'pg';
import type { Clock } from '@/backend/domain/context';
import {
  type CollectionStoreOptions,
  createCollectionStore,
} from '@/backend/store/collection-store';
import type { Key, KeyRange, RecordBackend, RecordTx } from '@/backend/store/record-backend';
import type { StateStore } from '@/backend/store/state-store';
import { postgresDialect } from './postgres-dialect';
import { serializable, type SerializableOptions } from './postgres-transaction';
import { columnValue, primaryName, primaryOf } from './record-columns';
import { comparisonSql, rangeComparisons } from './sql-key-range';
import { type TableLayout, tableLayouts, transactionLayouts } from './table-layout';
import { createWriterSlot } from './writer-slot';

const { quote } = postgresDialect;

type Row = { s: number; body: string };
const asStored = (row: Row) => ({ s: row.s, v: JSON.parse(row.body) as unknown });

/** `$1, $2, …` in the order values are added. */
function parameters() {
  const values: unknown[] = [];
  return {
    values,
    add(value: unknown) {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

/** One attempt's statements on its client; writes are sent at once and awaited before COMMIT. */
function attemptOf(
  client: PoolClient,
  layoutOf: (store: string) => TableLayout,
  /** Awaited before the attempt's first write is sent: the process's writer slot. */
  beforeWrite: () => Promise<unknown>,
  /** Told of each read, before it is sent. */
  onRead: () => void,
) {
  let failed: unknown;
  const pending: Promise<unknown>[] = [];
  // One statement at a time, in the order they were made (pg 9 drops its own queue), so a
  // read sees every write made before it.
  let tail: Promise<unknown> = Promise.resolve();
  const send = (sql: string, values: unknown[], gate?: Promise<unknown>) => {
    const sent = tail.then(() => gate).then(() => client.query<Row & { n: number }>(sql, values));
    tail = sent.catch(() => undefined);
    return sent;
  };
  const rows = async (sql: string, values: unknown[] = []) => {
    onRead();
    return (await send(sql, values)).rows;
  };
  const write = (sql: string, values: unknown[] = []) => {
    pending.push(
      // The slot is asked for at once, so no read made after this write counts as unslotted.
      send(sql, values, beforeWrite()).catch((error: unknown) => {
        failed ??= error;
      }),
    );
  };

  function upsert(layout: TableLayout, value: unknown, key?: Key) {
    const table = quote(layout.table);
    if (layout.kind === 'meta') {
      if (key === undefined) throw new TypeError(`${layout.table}: a record without a key`);
      write(
        `INSERT INTO ${table} ("key", "body") VALUES ($1, $2) ON CONFLICT ("key") DO UPDATE SET "body" = excluded."body"`,
        [primaryOf(layout, key), JSON.stringify(value ?? null)],
      );
      return;
    }
    const { s, v } = value as { s: unknown; v: unknown };
    const primary = primaryOf(layout, key ?? (s as Key));
    const columns = layout.kind === 'collection' ? layout.columns : [];
    const names = ['s', ...columns.map((column) => column.name), 'body'].map(quote);
    const updates = names.slice(1).map((name) => `${name} = excluded.${name}`);
    write(
      `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) ` +
        `ON CONFLICT ("s") DO UPDATE SET ${updates.join(', ')}`,
      [
        primary,
        ...columns.map((column) => columnValue(layout.table, v, column)),
        JSON.stringify(v ?? null),
      ],
    );
  }

  async function fromIndex(layout: TableLayout, index: string, range: KeyRange) {
    const found = layout.kind === 'collection' ? layout.indexes.get(index) : undefined;
    if (!found) throw new Error(`No index ${index} on ${layout.table}`);
    const comparisons = rangeComparisons(found.columns, found.compound, range);
    if (comparisons.includes(false)) return [];
    const names = found.columns.map((column) => quote(column.name));
    const conditions = names.map((name) => `${name} IS NOT NULL`);
    const params = parameters();
    for (const comparison of comparisons) {
      if (typeof comparison === 'boolean') continue;
      let next = 0;
      conditions.push(
        comparisonSql(comparison, quote, () => params.add(comparison.values[next++])),
      );
    }
    const sql =
      `SELECT "s", "body" FROM ${quote(layout.table)} WHERE ${conditions.join(' AND ')} ` +
      `ORDER BY ${[...names, '"s"'].join(', ')}`;
    return (await rows(sql, params.values)).map(asStored);
  }

  const tx: RecordTx = {
    async get(store, key) {
      const layout = layoutOf(store);
      const table = quote(layout.table);
      const where = `WHERE ${quote(primaryName(layout))} = $1`;
      const columns = layout.kind === 'meta' ? '"body"' : '"s", "body"';
      const [row] = await rows(`SELECT ${columns} FROM ${table} ${where}`, [
        primaryOf(layout, key),
      ]);
      if (row === undefined) return undefined;
      return layout.kind === 'meta' ? JSON.parse(row.body) : asStored(row);
    },
    async getAll(store) {
      const layout = layoutOf(store);
      const table = quote(layout.table);
      if (layout.kind === 'meta') {
        const found = await rows(`SELECT "body" FROM ${table} ORDER BY "key"`);
        return found.map((row) => JSON.parse(row.body) as unknown);
      }
      return (await rows(`SELECT "s", "body" FROM ${table} ORDER BY "s"`)).map(asStored);
    },
    async getAllFromIndex(store, index, range) {
      return fromIndex(layoutOf(store), index, range);
    },
    async count(store) {
      const [row] = await rows(`SELECT count(*) AS n FROM ${quote(layoutOf(store).table)}`);
      return row?.n ?? 0;
    },
    async deleteFirst(store, count) {
      const layout = layoutOf(store);
      if (count <= 0) return;
      const [table, key] = [quote(layout.table), quote(primaryName(layout))];
      write(
        `DELETE FROM ${table} WHERE ${key} IN (SELECT ${key} FROM ${table} ORDER BY ${key} LIMIT $1)`,
        [count],
      );
    },
    put(store, value, key) {
      upsert(layoutOf(store), value, key);
    },
    delete(store, key) {
      const layout = layoutOf(store);
      write(`DELETE FROM ${quote(layout.table)} WHERE ${quote(primaryName(layout))} = $1`, [
        primaryOf(layout, key),
      ]);
    },
    clear(store) {
      write(`DELETE FROM ${quote(layoutOf(store).table)}`);
    },
  };
  return {
    tx,
    /** The first write that failed, once every write sent has answered. */
    async failure() {
      await Promise.all(pending);
      return failed;
    },
    /** Every write sent has landed, or the first that failed is thrown. */
    async settle() {
      await Promise.all(pending);
      if (failed !== undefined) throw failed;
    },
  };
}

/**
 * PostgreSQL as a record backend (ADR 0025), with the memory and SQLite
 * backends' semantics over the same tables (ADR 0021). Each transaction is
 * SERIALIZABLE and runs again when it conflicts with another process's. This
 * process's writers run one at a time: every write updates the meta row, so
 * concurrent ones here could only conflict and retry. A transaction takes the
 * writer slot at its first write and holds it until it commits or rolls
 * back; one that only reads never takes it and runs beside the writer
 * (ADR 0027), SERIALIZABLE keeping it consistent. An attempt after a
 * conflict takes the slot before it reads, so writers here conflict at most
 * once with each other, and that first conflict, of an attempt that read
 * before it asked for the slot, is not counted against the attempts: at
 * most one attempt more than ADR 0025's bound.
 */
export function createPostgresRecordBackend(
  pool: Pool,
  options: SerializableOptions = {},
): RecordBackend {
  const layouts = tableLayouts();
  const writers = createWriterSlot();
  return {
    transaction(stores, body) {
      let current: ReturnType<typeof attemptOf> | undefined;
      /** The attempt's hold on the writer slot, once it asked for it. */
      let slot: Promise<() => void> | undefined;
      const takeSlot = () => (slot ??= writers.take());
      /** Whether the attempt read before it asked for the slot: a writer of this process may have met it. */
      let readUnslotted = false;
      const freeSlot = () => {
        void slot?.then((free) => free());
        slot = undefined;
        readUnslotted = false;
      };
      return serializable(
        pool,
        async (client, attempt) => {
          if (attempt > 1) await takeSlot();
          const usable = transactionLayouts(layouts, stores);
          const statements = (current = attemptOf(client, usable.layoutOf, takeSlot, () => {
            if (!slot) readUnslotted = true;
          }));
          try {
            const result = await body(statements.tx);
            await statements.settle();
            return result;
          } finally {
            usable.finish();
          }
        },
        async () => current?.failure(),
        { ...options, onAttemptEnd: freeSlot, isUncounted: () => readUnslotted },
      );
    },
  };
}

/** The server's state store: the browser's collection store over PostgreSQL tables. */
export function createPostgresStore(
  pool: Pool,
  clock: Clock,
  options: CollectionStoreOptions,
): StateStore {
  return createCollectionStore(createPostgresRecordBackend(pool), clock, options);
}
