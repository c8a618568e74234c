import 'fake-indexeddb/auto';
import type Database from 'better-sqlite3';
import type { Pool } from 'pg';
import { stateSchema } from '@/backend/store/collections';
import { createMemoryRecords } from '@/backend/store/memory-store';
import type { RecordBackend } from '@/backend/store/record-backend';
import { createIndexedDbBackend, openSchemaDatabase } from '@/mocks/store/indexeddb-backend';
import { migratePostgres } from '../../server/store/postgres-migrate';
import { createPostgresRecordBackend } from '../../server/store/postgres-records';
import { createPostgresPool } from '../../server/store/postgres-transaction';
import { createSqliteRecordBackend, openSqliteDatabase } from '../../server/store/sqlite-records';
import { createTestSchema, PG_TEST_URL } from './postgres-schema';
import { tempDatabaseFile } from './sqlite-file';

/** A fresh, empty backend, and how to let go of it and of whatever it left behind. */
export interface OpenedBackend {
  backend: RecordBackend;
  /**
   * Another handle on the same records, as a second server process has: its
   * own connection where the backend has connections, else the same backend.
   * Closed with the first.
   */
  second(): Promise<RecordBackend>;
  close(): Promise<void>;
}

/** One way of keeping records that the storage suite runs its cases against. */
export interface BackendKind {
  name: string;
  open(): Promise<OpenedBackend>;
}

export const memoryKind: BackendKind = {
  name: 'memory',
  async open() {
    const backend = createMemoryRecords();
    return { backend, second: async () => backend, close: async () => undefined };
  },
};

let databases = 0;

/** The browser's backend, on fake-indexeddb: a database of its own per test. */
export const indexedDbKind: BackendKind = {
  name: 'IndexedDB',
  async open() {
    const name = `storage-suite-${(databases += 1)}`;
    const db = await openSchemaDatabase(name, stateSchema());
    const backend = createIndexedDbBackend(async () => db);
    return {
      backend,
      second: async () => backend,
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
    const dbs = [openSqliteDatabase(temp.file)];
    return {
      backend: createSqliteRecordBackend(dbs[0] as Database.Database),
      async second() {
        const db = openSqliteDatabase(temp.file);
        dbs.push(db);
        return createSqliteRecordBackend(db);
      },
      async close() {
        for (const db of dbs) db.close();
        temp.remove();
      },
    };
  },
};

/** The server's shared backend: a schema of its own per test, migrated as a server would. */
export const postgresKind: BackendKind = {
  name: 'PostgreSQL',
  async open() {
    const schema = await createTestSchema();
    const pools = [createPostgresPool(schema.config)];
    await migratePostgres(pools[0] as Pool);
    return {
      backend: createPostgresRecordBackend(pools[0] as Pool),
      async second() {
        const pool = createPostgresPool(schema.config);
        pools.push(pool);
        return createPostgresRecordBackend(pool);
      },
      async close() {
        await Promise.all(pools.map((pool) => pool.end()));
        await schema.drop();
      },
    };
  },
};

/**
 * Every backend of RecordBackend: a new one joins here and meets every case
 * of the storage suite. PostgreSQL joins where PG_TEST_URL says where one is.
 */
export const KINDS: readonly BackendKind[] = [
  memoryKind,
  indexedDbKind,
  sqliteKind,
  ...(PG_TEST_URL === '' ? [] : [postgresKind]),
];
