import type { Clock } from '@/backend/domain/context';
import { createCollectionStore } from '@/backend/store/collection-store';
import { stateSchema } from '@/backend/store/collections';
import { createFieldSealer } from '@/backend/store/field-sealer';
import type { StateStore } from '@/backend/store/state-store';
import { createIndexedDbBackend, openSchemaDatabase } from './indexeddb-backend';
import { installSealingKey, KEY_STORE } from './install-key';

const DB_NAME = 'guance-mock-server';
/** The bytes of ticket attachments (indexeddb-attachment-store.ts). */
export const ATTACHMENT_STORE = 'attachments';

/**
 * Opens the mock's database with every store it needs. The version grows by
 * itself when a store or index is missing: 2 had one record holding the whole
 * state, converted by the first transaction after the upgrade (ADR 0017).
 */
export async function openDatabase(): Promise<IDBDatabase> {
  const connection = await openSchemaDatabase(DB_NAME, {
    ...stateSchema(),
    [ATTACHMENT_STORE]: { keyPath: null, indexes: {} },
    [KEY_STORE]: { keyPath: null, indexes: {} },
  });
  // A newer version opened in another tab must not wait for this one to close.
  connection.onversionchange = () => connection.close();
  return connection;
}

/**
 * The browser store (MOCK-2): one object store per collection. Every request
 * is one IndexedDB read-write transaction over the stores it names, so tabs
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
  let key: Promise<CryptoKey> | null = null;
  const sealingKey = () =>
    (key ??= db()
      .then(installSealingKey)
      .catch((error: unknown) => {
        key = null;
        throw error;
      }));
  // The key is read before a state transaction begins, never inside one: Chromium runs
  // no other read-write transaction of the database while one is open (ADR 0028).
  const connection = async () => {
    await sealingKey();
    return db();
  };
  return createCollectionStore(createIndexedDbBackend(connection), clock, {
    sealer: createFieldSealer(sealingKey),
    ...(onChange ? { onChange } : {}),
  });
}
