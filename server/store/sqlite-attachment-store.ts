import type { Database } from 'better-sqlite3';
import type { AttachmentStore } from '@/backend/store/attachment-store';
import { sqliteTransaction, statementOf } from './sqlite-transaction';

/**
 * The bytes of ticket attachments as BLOBs beside the state (SERVER-2), within
 * GUARD-5's size limits. Each call is a transaction of the same queue as the
 * state's, so none lands inside another's.
 */
export function createSqliteAttachmentStore(db: Database): AttachmentStore {
  const run = (sql: string, ...values: unknown[]) =>
    sqliteTransaction(db, async () => statementOf(db, sql).run(...values));
  return {
    async put(id, bytes, contentType) {
      await run(
        'INSERT INTO "attachment_bytes" ("id", "content_type", "bytes") VALUES (?, ?, ?) ' +
          'ON CONFLICT ("id") DO UPDATE SET "content_type" = excluded."content_type", "bytes" = excluded."bytes"',
        id,
        contentType,
        new Uint8Array(bytes),
      );
    },
    async get(id) {
      const row = await sqliteTransaction(
        db,
        async () =>
          statementOf(db, 'SELECT "bytes" FROM "attachment_bytes" WHERE "id" = ?').get(id) as
            { bytes: Uint8Array } | undefined,
      );
      if (!row) return null;
      // A copy of exactly its bytes: a Buffer may be a view into a larger, shared one.
      const { bytes } = row;
      return bytes.buffer.slice(
        bytes.byteOffset,
        bytes.byteOffset + bytes.byteLength,
      ) as ArrayBuffer;
    },
    async delete(ids) {
      if (ids.length === 0) return;
      const remove = statementOf(db, 'DELETE FROM "attachment_bytes" WHERE "id" = ?');
      await sqliteTransaction(db, async () => {
        for (const id of ids) remove.run(id);
      });
    },
    async clear() {
      await run('DELETE FROM "attachment_bytes"');
    },
  };
}
