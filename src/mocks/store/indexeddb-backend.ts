import type { KeyPath } from '@/backend/store/collections';
import type { KeyRange, RecordBackend, RecordTx } from '@/backend/store/record-backend';

/** What the database must hold: each store's key path (null: keys given apart) and indexes. */
export type IdbSchema = Record<
  string,
  { keyPath: string | null; indexes: Record<string, KeyPath> }
>;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

const idbPath = (path: KeyPath): string | string[] => (typeof path === 'string' ? path : [...path]);

function rangeOf(range: KeyRange): IDBKeyRange | undefined {
  if (range.only !== undefined) return IDBKeyRange.only(range.only);
  if (range.lower !== undefined && range.upper !== undefined)
    return IDBKeyRange.bound(range.lower, range.upper);
  if (range.lower !== undefined) return IDBKeyRange.lowerBound(range.lower);
  if (range.upper !== undefined) return IDBKeyRange.upperBound(range.upper);
  return undefined;
}

/** True when the open database lacks a store or an index the schema names. */
function lacksSomething(db: IDBDatabase, schema: IdbSchema): boolean {
  const names = Object.keys(schema);
  if (names.some((name) => !db.objectStoreNames.contains(name))) return true;
  const withIndexes = names.filter((name) => Object.keys(schema[name]?.indexes ?? {}).length > 0);
  if (withIndexes.length === 0) return false;
  const tx = db.transaction(withIndexes, 'readonly');
  return withIndexes.some((name) => {
    const store = tx.objectStore(name);
    return Object.keys(schema[name]?.indexes ?? {}).some(
      (index) => !store.indexNames.contains(index),
    );
  });
}

function open(name: string, schema: IdbSchema, version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const opening = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    opening.onupgradeneeded = () => {
      const db = opening.result;
      const upgrade = opening.transaction;
      for (const [storeName, shape] of Object.entries(schema)) {
        const store = db.objectStoreNames.contains(storeName)
          ? upgrade?.objectStore(storeName)
          : db.createObjectStore(
              storeName,
              shape.keyPath === null ? undefined : { keyPath: shape.keyPath },
            );
        if (!store) continue;
        for (const [index, path] of Object.entries(shape.indexes)) {
          if (!store.indexNames.contains(index)) store.createIndex(index, idbPath(path));
        }
      }
    };
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error ?? new Error('IndexedDB open failed'));
    opening.onblocked = () => reject(new Error('IndexedDB open blocked by another tab'));
  });
}

/**
 * Opens the database with every store and index the schema names. A store or
 * index missing (a database of an older layout, or a collection registered
 * since) is added by opening the next version; what the stores held is kept,
 * and the meta store's old single record is converted by the first transaction.
 */
export async function openSchemaDatabase(name: string, schema: IdbSchema): Promise<IDBDatabase> {
  for (let attempt = 0; ; attempt += 1) {
    const db = await open(name, schema);
    if (!lacksSomething(db, schema)) return db;
    const next = db.version + 1;
    db.close();
    try {
      const upgraded = await open(name, schema, next);
      if (!lacksSomething(upgraded, schema)) return upgraded;
      upgraded.close();
    } catch (error) {
      // Another tab upgraded first: look again.
      if (attempt >= 3) throw error;
    }
  }
}

/** A key no record has: what the reads that keep a transaction open ask for. */
const KEEP_ALIVE_KEY = 'keep-alive';

/** IndexedDB as a record backend; `db` opens (or reopens) the connection. */
export function createIndexedDbBackend(db: () => Promise<IDBDatabase>): RecordBackend {
  return {
    async transaction(stores, body) {
      const connection = await db();
      const tx = connection.transaction([...stores], 'readwrite');
      const finished = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      });
      // The failure that aborted the transaction, not the abort, is what the caller learns.
      finished.catch(() => undefined);
      const records: RecordTx = {
        get: (store, key) => request(tx.objectStore(store).get(key as IDBValidKey)),
        getAll: (store) => request(tx.objectStore(store).getAll()),
        getAllFromIndex: (store, index, range) =>
          request(tx.objectStore(store).index(index).getAll(rangeOf(range))),
        count: (store) => request(tx.objectStore(store).count()),
        async deleteFirst(store, count) {
          if (count <= 0) return;
          const keys = await request(tx.objectStore(store).getAllKeys(null, count));
          const last = keys[keys.length - 1];
          if (last !== undefined) tx.objectStore(store).delete(IDBKeyRange.upperBound(last));
        },
        put: (store, value, key) => {
          if (key === undefined) tx.objectStore(store).put(value);
          else tx.objectStore(store).put(value, key as IDBValidKey);
        },
        delete: (store, key) => {
          tx.objectStore(store).delete(key as IDBValidKey);
        },
        clear: (store) => {
          tx.objectStore(store).clear();
        },
        // IndexedDB commits a transaction left with no request pending, and WebCrypto's
        // promises are not requests: small reads keep it open until the work is done.
        async hold(work) {
          let settled = false;
          work.then(
            () => (settled = true),
            () => (settled = true),
          );
          const keepAlive = tx.objectStore(stores[0] as string);
          while (!settled) await request(keepAlive.get(KEEP_ALIVE_KEY));
          return work;
        },
      };
      let result: Awaited<ReturnType<typeof body>>;
      try {
        result = await body(records);
      } catch (error) {
        try {
          tx.abort();
        } catch {
          // Already finished or aborted.
        }
        throw error;
      }
      await finished;
      return result;
    },
  };
}
