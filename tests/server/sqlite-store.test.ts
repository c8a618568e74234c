import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '@/backend/domain/state';
import { META_KEY, META_STORE } from '@/backend/store/collections';
import { createFieldSealer, generateSealingKey } from '@/backend/store/field-sealer';
import { EVERYTHING } from '@/backend/store/load-plan';
import { StoreBusyError, StoredStateMismatchError } from '@/backend/store/store-errors';
import { createSqliteAttachmentStore } from '../../server/store/sqlite-attachment-store';
import {
  createSqliteRecordBackend,
  createSqliteStore,
  openSqliteDatabase,
} from '../../server/store/sqlite-records';
import { tempDatabaseFile } from '../support/sqlite-file';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const clock = () => NOW;
const sealer = createFieldSealer(generateSealingKey);

let temp: ReturnType<typeof tempDatabaseFile>;
const opened: Database.Database[] = [];
const open = () => {
  const db = openSqliteDatabase(temp.file);
  opened.push(db);
  return db;
};

beforeEach(() => {
  temp = tempDatabaseFile();
});
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  temp.remove();
});

describe('the SQLite store (SERVER-2)', () => {
  it('runs in WAL mode, with synchronous NORMAL and a busy timeout', () => {
    const db = open();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1_000);
  });

  it('keeps what was written across closing and opening the file again', async () => {
    const first = open();
    await createSqliteStore(first, clock, { sealer }).transact((state) => {
      state.devSettings.latencyMs = 700;
      state.accounts.pop();
    }, EVERYTHING);
    first.close();

    const seen = await createSqliteStore(open(), clock, { sealer }).transact(
      (state) => ({
        latency: state.devSettings.latencyMs,
        accounts: state.accounts.length,
      }),
      EVERYTHING,
    );

    expect(seen).toEqual({ latency: 700, accounts: 4 });
  });

  it("refuses stored state of another schema when told to, and keeps it: a server's data is never wiped", async () => {
    const db = open();
    const store = createSqliteStore(db, clock, { sealer, whenUnusable: 'refuse' });
    await store.transact((state) => state.accounts.length, EVERYTHING);
    const backend = createSqliteRecordBackend(db);
    const meta = (await backend.transaction([META_STORE], (tx) =>
      tx.get(META_STORE, META_KEY),
    )) as { scalars: { version: number } };
    meta.scalars.version = SCHEMA_VERSION + 1;
    await backend.transaction([META_STORE], async (tx) => tx.put(META_STORE, meta, META_KEY));

    await expect(store.transact((state) => state.accounts.length, EVERYTHING)).rejects.toThrow(
      StoredStateMismatchError,
    );
    await expect(store.transact((state) => state.accounts.length, EVERYTHING)).rejects.toThrow(
      `version ${SCHEMA_VERSION + 1}, this code expects ${SCHEMA_VERSION}`,
    );
    expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(5);
  });

  it('answers StoreBusyError, writing nothing, when another process holds the write lock', async () => {
    const db = open();
    db.pragma('busy_timeout = 0');
    const other = new Database(temp.file);
    opened.push(other);
    other.exec('BEGIN IMMEDIATE');

    const backend = createSqliteRecordBackend(db);
    const writing = backend.transaction([META_STORE], async (tx) => tx.put(META_STORE, 1, 'x'));

    await expect(writing).rejects.toThrow(StoreBusyError);
    other.exec('ROLLBACK');
    expect(await backend.transaction([META_STORE], (tx) => tx.get(META_STORE, 'x'))).toBe(
      undefined,
    );
  });

  it('refuses a key field of the type its column does not hold, writing nothing', async () => {
    const backend = createSqliteRecordBackend(open());
    const writing = backend.transaction(['outbox'], async (tx) => {
      tx.put('outbox', { s: 1, v: { id: 'm1', to: 'a@x', sentAt: 1 } });
      tx.put('outbox', { s: 2, v: { id: 'm2', to: 'a@x', sentAt: 'yesterday' } });
    });

    await expect(writing).rejects.toThrow('outbox: sentAt holds a string, declared number');
    expect(await backend.transaction(['outbox'], (tx) => tx.count('outbox'))).toBe(0);
  });

  it('keeps attachment bytes as they were put, and drops them', async () => {
    const attachments = createSqliteAttachmentStore(open());
    const bytes = new Uint8Array([0, 1, 2, 255]).buffer;

    await attachments.put('att_1', bytes, 'image/png');
    await attachments.put('att_2', new Uint8Array([9]).buffer, 'text/plain');
    const stored = await attachments.get('att_1');
    await attachments.delete(['att_1']);

    expect(stored).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(stored as ArrayBuffer)]).toEqual([0, 1, 2, 255]);
    expect(await attachments.get('att_1')).toBeNull();
    await attachments.clear();
    expect(await attachments.get('att_2')).toBeNull();
  });
});
