import 'fake-indexeddb/auto';
import { stateSchema } from '@/backend/store/collections';
import { createMemoryRecords } from '@/backend/store/memory-store';
import type { RecordBackend } from '@/backend/store/record-backend';
import { createIndexedDbBackend, openSchemaDatabase } from '@/mocks/store/indexeddb-backend';
import {
  createSqliteRecordBackend,
  openSqliteDatabase,
} from '../../../server/store/sqlite-records';
import { tempDatabaseFile } from './sqlite-file';

/** A fresh, empty backend, and how to let go of it and of whatever it left behind. */
export interface OpenedBackend {
  backend: RecordBackend;
  close(): Promise<void>;
}

/** One way of keeping records that the storage suite runs its cases against. */
export interface BackendKind {
  name: string;
  open(): Promise<OpenedBackend>;
}

export const memoryKind: BackendKind = {
  name: 'memory',
  open: async () => ({ backend: createMemoryRecords(), close: async () => undefined }),
};

let databases = 0;

/** The browser's backend, on fake-indexeddb: a database of its own per test. */
export const indexedDbKind: BackendKind = {
  name: 'IndexedDB',
  async open() {
    const name = `storage-suite-${(databases += 1)}`;
    const db = await openSchemaDatabase(name, stateSchema());
    return {
      backend: createIndexedDbBackend(async () => db),
      async close() {
        db.close();
        await new Promise<void>((resolve, reject) => {
          const deleting = indexedDB.deleteDatabase(name);
          deleting.onsuccess = () => resolve();
          deleting.onerror = () => reject(deleting.error ?? new Error(`${name} not deleted`));
        });
      },
    };
  },
};

/** The server's embedded backend, on a file of its own per test, WAL files and all. */
export const sqliteKind: BackendKind = {
  name: 'SQLite',
  async open() {
    const temp = tempDatabaseFile();
    const db = openSqliteDatabase(temp.file);
    return {
      backend: createSqliteRecordBackend(db),
      async close() {
        db.close();
        temp.remove();
      },
    };
  },
};
