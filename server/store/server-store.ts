import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '@/backend/domain/context';
import { base64Url } from '@/backend/domain/encoding';
import type { PasswordHash } from '@/backend/domain/passwords';
import { DEFAULT_DEV_SETTINGS, SCHEMA_VERSION, type ServerState } from '@/backend/domain/state';
import type { PasswordHasher } from '@/backend/password-hashing';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedState } from '@/backend/seed';
import type { AttachmentStore } from '@/backend/store/attachment-store';
import type { StateStore } from '@/backend/store/state-store';
import type { ServerConfig } from '../config';
import { createSqliteAttachmentStore } from './sqlite-attachment-store';
import { createSqliteStore, openSqliteDatabase } from './sqlite-records';

/** The SQLite file in DATA_DIR (SERVER-2). */
export const DATABASE_FILE = 'console.db';

/** A production server starts with no demo data: the state of SERVER-6's "no demo seed". */
export function emptyState(): ServerState {
  return {
    version: SCHEMA_VERSION,
    accounts: [],
    workspaces: [],
    memberships: [],
    sessions: [],
    loginThrottle: [],
    emailCodes: [],
    emailSends: [],
    enrollments: [],
    outbox: [],
    audit: [],
    tickets: [],
    ticketSequence: 0,
    attachments: [],
    idempotencyKeys: [],
    devSettings: { ...DEFAULT_DEV_SETTINGS },
    notice: null,
  };
}

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

/**
 * Opens (creating, migrating and seeding on first start) the server's state.
 * Stored state the code cannot use is refused, never replaced: a server does
 * not wipe its data.
 */
export async function openServerStore(
  config: ServerConfig,
  deps: { clock: Clock; passwords: PasswordHasher },
): Promise<{ store: StateStore; attachments: AttachmentStore; close(): void }> {
  mkdirSync(config.dataDir, { recursive: true });
  const db = openSqliteDatabase(join(config.dataDir, DATABASE_FILE));
  const hashes = config.mode === 'demo' ? await demoPasswords(deps.passwords) : null;
  const store = createSqliteStore(db, deps.clock, {
    seed: (now: number) => (hashes ? seedState(now, hashes) : emptyState()),
    whenUnusable: 'refuse',
  });
  // The first transaction seeds an empty database, or finds stored state it cannot use.
  // It names no collection: the meta record decides, and only an empty database
  // (no meta record) is opened over every store, to be seeded. Loading everything
  // here made a start read the whole database (10 s and 800 MB at 100,000 tickets).
  await store.transact(() => null, {});
  return { store, attachments: createSqliteAttachmentStore(db), close: () => db.close() };
}
