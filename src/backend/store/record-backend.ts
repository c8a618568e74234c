import type { KeyPath } from './collections';

/** A key as IndexedDB orders them: numbers, then strings, then arrays of keys. */
export type Key = number | string | readonly Key[];

/** A range of index keys; `only` wins over the bounds. */
export interface KeyRange {
  only?: Key;
  lower?: Key;
  upper?: Key;
}

/** How records of a collection are stored: its insertion sequence (the primary key) and the record. */
export interface Stored {
  s: number;
  v: unknown;
}

/**
 * One atomic transaction over some object stores. Reads answer promises
 * (awaiting them keeps the transaction alive); writes are queued and fail
 * the whole transaction if they fail.
 */
export interface RecordTx {
  get(store: string, key: Key): Promise<unknown>;
  getAll(store: string): Promise<unknown[]>;
  /** Every record whose index key falls in the range. */
  getAllFromIndex(store: string, index: string, range: KeyRange): Promise<unknown[]>;
  count(store: string): Promise<number>;
  /** Drops the `count` records of lowest primary key. */
  deleteFirst(store: string, count: number): Promise<void>;
  put(store: string, value: unknown, key?: Key): void;
  delete(store: string, key: Key): void;
  clear(store: string): void;
  /**
   * Waits for work that is not this transaction's (WebCrypto) without the
   * transaction ending meanwhile: IndexedDB commits a transaction left with no
   * request pending. Backends whose transactions wait anyway leave it out.
   * The work must not wait for another transaction: that one would wait for this.
   */
  hold?<T>(work: Promise<T>): Promise<T>;
}

/** Where records live: IndexedDB in the browser, SQLite in the server, maps in tests. */
export interface RecordBackend {
  /**
   * Runs `body` as one transaction over `stores`: all its writes land, or
   * (when it rejects) none of them. Overlapping transactions run one after the other.
   */
  transaction<T>(stores: readonly string[], body: (tx: RecordTx) => Promise<T>): Promise<T>;
}

/** The value a key path names in a record, or undefined when it is not a valid key. */
export function keyAt(record: unknown, path: KeyPath): Key | undefined {
  if (typeof path !== 'string') {
    const parts: Key[] = [];
    for (const part of path) {
      const key = keyAt(record, part);
      if (key === undefined) return undefined;
      parts.push(key);
    }
    return parts;
  }
  let value: unknown = record;
  for (const step of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (typeof value === 'string') return value;
  return undefined;
}

const rank = (key: Key) => (typeof key === 'number' ? 0 : typeof key === 'string' ? 1 : 2);

/** IndexedDB's order of keys (indexedDB.cmp). */
export function compareKeys(a: Key, b: Key): number {
  const byType = rank(a) - rank(b);
  if (byType !== 0) return byType;
  if (typeof a === 'number' || typeof a === 'string') {
    return a < (b as typeof a) ? -1 : a > (b as typeof a) ? 1 : 0;
  }
  const other = b as readonly Key[];
  for (let index = 0; index < Math.min(a.length, other.length); index += 1) {
    const order = compareKeys(a[index] as Key, other[index] as Key);
    if (order !== 0) return order;
  }
  return a.length - other.length;
}

export function inRange(key: Key, range: KeyRange): boolean {
  if (range.only !== undefined) return compareKeys(key, range.only) === 0;
  if (range.lower !== undefined && compareKeys(key, range.lower) < 0) return false;
  if (range.upper !== undefined && compareKeys(key, range.upper) > 0) return false;
  return true;
}

/** The schema a memory backend needs: each store's index key paths. */
export type MemorySchema = Record<string, Record<string, KeyPath>>;

/**
 * The backend of tests and of Node: one map per store, copied on read and on
 * write like IndexedDB's structured clone. A transaction works on copies of
 * the maps it touches and swaps them in when it succeeds; transactions of
 * every store sharing this backend run one at a time, like IndexedDB's
 * read-write transactions over one store.
 */
export function createMemoryBackend(schema: MemorySchema): RecordBackend & { reset(): void } {
  let stores = new Map<string, Map<string, { key: Key; value: unknown }>>();
  let queue: Promise<unknown> = Promise.resolve();
  const mapOf = (name: string) => {
    let map = stores.get(name);
    if (!map) stores.set(name, (map = new Map()));
    return map;
  };
  const id = (key: Key) => JSON.stringify(key);

  return {
    reset() {
      stores = new Map();
    },
    transaction(names, body) {
      const run = async () => {
        const working = new Map(names.map((name) => [name, new Map(mapOf(name))]));
        const storeOf = (name: string) => {
          const map = working.get(name);
          if (!map) throw new Error(`Store ${name} is not in this transaction`);
          return map;
        };
        const sorted = (name: string) =>
          [...storeOf(name).values()].sort((a, b) => compareKeys(a.key, b.key));
        const tx: RecordTx = {
          async get(name, key) {
            const found = storeOf(name).get(id(key));
            return found ? structuredClone(found.value) : undefined;
          },
          async getAll(name) {
            return sorted(name).map((entry) => structuredClone(entry.value));
          },
          async getAllFromIndex(name, index, range) {
            const path = schema[name]?.[index];
            if (path === undefined) throw new Error(`No index ${index} on ${name}`);
            return sorted(name)
              .flatMap((entry) => {
                const key = keyAt(entry.value, path);
                return key !== undefined && inRange(key, range) ? [{ key, entry }] : [];
              })
              .sort((a, b) => compareKeys(a.key, b.key))
              .map(({ entry }) => structuredClone(entry.value));
          },
          async count(name) {
            return storeOf(name).size;
          },
          async deleteFirst(name, count) {
            // slice(0, -n) would keep the last n instead of deleting nothing.
            if (count <= 0) return;
            for (const entry of sorted(name).slice(0, count)) storeOf(name).delete(id(entry.key));
          },
          put(name, value, key) {
            const primary = key ?? keyAt(value, 's');
            if (primary === undefined) throw new Error(`A record of ${name} without a key`);
            storeOf(name).set(id(primary), { key: primary, value: structuredClone(value) });
          },
          delete(name, key) {
            storeOf(name).delete(id(key));
          },
          clear(name) {
            storeOf(name).clear();
          },
        };
        const result = await body(tx);
        for (const [name, map] of working) stores.set(name, map);
        return result;
      };
      const next = queue.then(run, run);
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
