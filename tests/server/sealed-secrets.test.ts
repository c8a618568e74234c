import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { BOB_TOTP_SECRET, DEMO_PASSWORD, SUPPORT_TOTP_SECRET } from '@/backend/seed';
import { META_KEY, META_STORE } from '@/backend/store/collections';
import type { Stored } from '@/backend/store/record-backend';
import type { ServerConfig } from '../../server/config';
import { createScryptHasher } from '../../server/passwords/scrypt-hasher';
import { DEMO_DATA_KEY_FILE } from '../../server/store/data-key';
import { openServerStore } from '../../server/store/server-store';
import { createSqliteRecordBackend, openSqliteDatabase } from '../../server/store/sqlite-records';
import { totpAt } from '../support/mfa';
import { startTestServer, TEST_SCRYPT_COST, type TestServer } from './support/test-server';

/** ADR 0028 on the server: what the SQLite file holds, and who may open it. */

function call(server: TestServer, path: string, body: unknown, cookie = '') {
  return fetch(server.url(path), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
}

/** Every account row's stored body, read from the file as any tool would. */
function storedAccounts(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT * FROM accounts').all();
    return JSON.stringify(rows);
  } finally {
    db.close();
  }
}

/** Bob's password, then the code his phone shows now: the status of the second step. */
async function logInWithCode(server: TestServer): Promise<number> {
  const login = await call(server, paths.session.href, {
    email: 'bob@example.com',
    password: DEMO_PASSWORD,
  });
  const cookie = (login.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
  const code = totpAt(BOB_TOTP_SECRET, server.time.now);
  return (await call(server, paths.sessionMfa.href, { code }, cookie)).status;
}

describe('TOTP secrets in the server’s database (ADR 0028)', () => {
  it('are sealed in the SQLite file, and a login with the right code still works', async () => {
    const server = await startTestServer();

    expect(await logInWithCode(server)).toBe(200);
    const stored = storedAccounts(server.databaseFile);
    expect(stored).toContain('v1:');
    expect(stored).not.toContain(BOB_TOTP_SECRET);
    expect(stored).not.toContain(SUPPORT_TOTP_SECRET);
  });

  it('in demo mode seal with a key made once and kept beside the database, readable by its owner only', async () => {
    const server = await startTestServer();

    const keyFile = join(dirname(server.databaseFile), DEMO_DATA_KEY_FILE);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('left in clear by an older version are sealed at the next start, and still log in', async () => {
    const server = await startTestServer();
    const db = openSqliteDatabase(server.databaseFile);
    const records = createSqliteRecordBackend(db);
    await records.transaction(['accounts', META_STORE], async (tx) => {
      const meta = (await tx.get(META_STORE, META_KEY)) as Record<string, unknown>;
      delete meta.sealing;
      tx.put(META_STORE, meta, META_KEY);
      for (const row of (await tx.getAll('accounts')) as Stored[]) {
        const account = row.v as { id: string; mfa: { secret: string } | null };
        if (account.id === 'acc_bob' && account.mfa) account.mfa.secret = BOB_TOTP_SECRET;
        tx.put('accounts', row);
      }
    });
    db.close();
    expect(storedAccounts(server.databaseFile)).toContain(BOB_TOTP_SECRET);

    const reopened = await openServerStore(
      {
        mode: 'demo',
        databaseUrl: null,
        dataDir: dirname(server.databaseFile),
        dataKey: null,
      } as ServerConfig,
      { clock: server.time.clock, passwords: createScryptHasher(TEST_SCRYPT_COST) },
    );
    const seen = await reopened.store.transact(
      (state) => state.accounts.find((account) => account.id === 'acc_bob')?.mfa?.secret,
      { whole: ['accounts'] },
    );
    await reopened.close();

    expect(seen).toBe(BOB_TOTP_SECRET);
    expect(storedAccounts(server.databaseFile)).not.toContain(BOB_TOTP_SECRET);
    expect(await logInWithCode(server)).toBe(200);
  });

  it('refuse to open with another DATA_KEY, naming it, and leave the database as it was', async () => {
    const server = await startTestServer();
    const before = storedAccounts(server.databaseFile);
    const config = {
      mode: 'production',
      databaseUrl: null,
      dataDir: dirname(server.databaseFile),
      dataKey: new Uint8Array(32).fill(9),
    } as ServerConfig;

    const opening = openServerStore(config, {
      clock: server.time.clock,
      passwords: createScryptHasher(TEST_SCRYPT_COST),
    });

    await expect(opening).rejects.toThrow(/DATA_KEY/);
    expect(storedAccounts(server.databaseFile)).toBe(before);
  });
});
