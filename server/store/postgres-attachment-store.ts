import type { Pool } from 'pg';
import type { AttachmentStore } from '@/backend/store/attachment-store';
import { StoreBusyError } from '@/backend/store/store-errors';
import { isRetryable } from './postgres-transaction';

/**
 * The bytes of ticket attachments as BYTEA beside the state (SERVER-2, ADR
 * 0025), within GUARD-5's size limits. Each call is one statement, atomic on
 * its own, so it needs neither the state's queue nor its transaction.
 */
export function createPostgresAttachmentStore(pool: Pool): AttachmentStore {
  const query = async <R extends object>(sql: string, values: unknown[] = []) => {
    try {
      return (await pool.query<R>(sql, values)).rows;
    } catch (error) {
      throw isRetryable(error) ? new StoreBusyError({ cause: error }) : error;
    }
  };
  return {
    async put(id, bytes, contentType) {
      await query(
        'INSERT INTO "attachment_bytes" ("id", "content_type", "bytes") VALUES ($1, $2, $3) ' +
          'ON CONFLICT ("id") DO UPDATE SET "content_type" = excluded."content_type", "bytes" = excluded."bytes"',
        [id, contentType, Buffer.from(bytes)],
      );
    },
    async get(id) {
      const [row] = await query<{ bytes: Buffer }>(
        'SELECT "bytes" FROM "attachment_bytes" WHERE "id" = $1',
        [id],
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
      await query('DELETE FROM "attachment_bytes" WHERE "id" = ANY($1::text[])', [[...ids]]);
    },
    async clear() {
      await query('DELETE FROM "attachment_bytes"');
    },
  };
}
