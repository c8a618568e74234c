import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '@/backend/domain/context';
import { base64Url } from '@/backend/domain/encoding';
import type { PasswordHash } from '@/backend/domain/passwords';
import type { PasswordHasher } from '@/backend/password-hashing';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, emptyState, seedState } from '@/backend/seed';
import type { AttachmentStore } from '@/backend/store/attachment-store';
import type { CollectionStoreOptions } from '@/backend/store/collection-store';
import type { StateStore } from '@/backend/store/state-store';
import type { ServerConfig } from '../config';
import type { Log } from '../log';
import { serverSealer } from './data-key';
import { createPostgresAttachmentStore } from './postgres-attachment-store';
import { migratePostgres } from './postgres-migrate';
import { createPostgresStore } from './postgres-records';
import { createPostgresPool } from './postgres-transaction';
import { createSqliteAttachmentStore } from './sqlite-attachment-store';
import { createSqliteStore, openSqliteDatabase } from './sqlite-records';

/** The SQLite file in DATA_DIR (SERVER-2). */
export const DATABASE_FILE = 'console.db';

/** SERVER-4: the demo password hashed the server's way, once per start, off the event loop. */
async function demoPasswords(passwords: PasswordHasher): Promise<Map<string, PasswordHash>> {
  const hashes = await Promise.all(
    DEMO_ACCOUNTS.map(async ({ id }) => {
      const salt = passwords.newSalt(base64Url(randomBytes(16)));
      return [id, await passwords.hash(DEMO_PASSWORD, salt)] as const;
    }),
  );
  return new Map(hashes);
}

/** What openServerStore opens: the state, the attachments' bytes, and how to let go of both. */
export interface OpenedServerStore {
  store: StateStore;
  attachments: AttachmentStore;
  /** Closes the SQLite file, or ends PostgreSQL's pool once its clients are back. */
  close(): Promise<void>;
}

type StoreOptions = CollectionStoreOptions & { clock: Clock };

function openSqlite(
  config: ServerConfig,
  options: StoreOptions,
  busyTimeoutMs: number | undefined,
): OpenedServerStore {
  mkdirSync(config.dataDir, { recursive: true });
  const db = openSqliteDatabase(
    join(config.dataDir, DATABASE_FILE),
    busyTimeoutMs === undefined ? {} : { busyTimeoutMs },
  );
  return {
    store: createSqliteStore(db, options.clock, options),
    attachments: createSqliteAttachmentStore(db),
    close: async () => {
      db.close();
    },
  };
}

async function openPostgres(
  databaseUrl: string,
  options: StoreOptions,
  log: Log | undefined,
): Promise<OpenedServerStore> {
  const pool = createPostgresPool({ connectionString: databaseUrl }, (error) =>
    // Its code, not its message, which may name the host and the user.
    log?.({
      level: 'error',
      msg: 'database connection lost',
      code: String((error as { code?: unknown }).code ?? 'unknown'),
    }),
  );
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    store: createPostgresStore(pool, options.clock, options),
    attachments: createPostgresAttachmentStore(pool),
    close: () => pool.end(),
  };
}

/**
 * Opens (creating, migrating and seeding on first start) the server's state:
 * PostgreSQL when DATABASE_URL is set (SERVER-8), else the SQLite file.
 * Stored state the code cannot use is refused, never replaced: a server does
 * not wipe its data. Several processes starting at once on an empty database
 * seed it once: their first transactions conflict, and the ones that retry
 * find the seed (ADR 0025).
 */
export async function openServerStore(
  config: ServerConfig,
  deps: { clock: Clock; passwords: PasswordHasher; busyTimeoutMs?: number; log?: Log },
): Promise<OpenedServerStore> {
  const hashes = config.mode === 'demo' ? await demoPasswords(deps.passwords) : null;
  const options: StoreOptions = {
    clock: deps.clock,
    sealer: await serverSealer(config),
    seed: (now: number) => (hashes ? seedState(now, hashes) : emptyState()),
    whenUnusable: 'refuse',
  };
  const opened =
    config.databaseUrl === null
      ? openSqlite(config, options, deps.busyTimeoutMs)
      : await openPostgres(config.databaseUrl, options, deps.log);
  try {
    // The first transaction seeds an empty database, or finds stored state it cannot use.
    // It names no collection: the meta record decides, and only an empty database
    // (no meta record) is opened over every store, to be seeded. Loading everything
    // here made a start read the whole database (10 s and 800 MB at 100,000 tickets).
    await opened.store.transact(() => null, {});
  } catch (error) {
    await opened.close();
    throw error;
  }
  return opened;
}
