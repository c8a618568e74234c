import type { Clock } from '../domain/context';
import type { StateStore } from './state-store';
import { restoreState } from './stored-state';

const DB_NAME = 'guance-mock-server';
/** 2: ticket attachments get an object store of their own. */
const DB_VERSION = 2;
const STATE_STORE = 'state';
export const ATTACHMENT_STORE = 'attachments';
const STATE_KEY = 'current';

export function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(DB_NAME, DB_VERSION);
    opening.onupgradeneeded = () => {
      const db = opening.result;
      for (const name of [STATE_STORE, ATTACHMENT_STORE]) {
        if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
      }
    };
    opening.onsuccess = () => {
      // A newer version opened in another tab must not wait for this one to close.
      opening.result.onversionchange = () => opening.result.close();
      resolve(opening.result);
    };
    opening.onerror = () => reject(opening.error ?? new Error('IndexedDB open failed'));
    opening.onblocked = () => reject(new Error('IndexedDB open blocked by another tab'));
  });
}

/**
 * The browser store (MOCK-2). Every transaction re-reads the state inside one
 * IndexedDB read-write transaction and writes it back in the same one, so tabs
 * of one origin see each other's changes and never overwrite them.
 */
export function createIndexedDbStore(clock: Clock, onChange?: () => void): StateStore {
  let database: Promise<IDBDatabase> | null = null;
  const db = () =>
    (database ??= openDatabase().then((connection) => {
      // A newer version opened in another tab (or a reset deleting the database)
      // must not be blocked by this tab: let go, and reopen on the next request.
      connection.onversionchange = () => {
        connection.close();
        database = null;
      };
      return connection;
    }));

  return {
    async transact(change) {
      const connection = await db();
      return new Promise((resolve, reject) => {
        const tx = connection.transaction(STATE_STORE, 'readwrite');
        const objects = tx.objectStore(STATE_STORE);
        let result: ReturnType<typeof change>;
        let failure: unknown = null;
        const reading = objects.get(STATE_KEY);
        reading.onsuccess = () => {
          try {
            const state = restoreState(reading.result, clock());
            result = change(state);
            objects.put(state, STATE_KEY);
          } catch (error) {
            failure = error;
            tx.abort();
          }
        };
        tx.oncomplete = () => {
          onChange?.();
          resolve(result);
        };
        tx.onabort = () =>
          reject(failure ?? tx.error ?? new Error('IndexedDB transaction aborted'));
        tx.onerror = () => reject(failure ?? tx.error ?? new Error('IndexedDB transaction failed'));
      });
    },
    async reset() {
      const connection = await db();
      await new Promise<void>((resolve, reject) => {
        const tx = connection.transaction(STATE_STORE, 'readwrite');
        tx.objectStore(STATE_STORE).delete(STATE_KEY);
        tx.oncomplete = () => {
          onChange?.();
          resolve();
        };
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB reset failed'));
      });
    },
  };
}
