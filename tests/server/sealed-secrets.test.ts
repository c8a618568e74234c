import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { BOB_TOTP_SECRET, DEMO_PASSWORD, SUPPORT_TOTP_SECRET } from '@/backend/seed';
import type { ServerConfig } from '../../server/config';
import { createScryptHasher } from '../../server/passwords/scrypt-hasher';
import { DEMO_DATA_KEY_FILE } from '../../server/store/data-key';
import { openServerStore } from '../../server/store/server-store';
import { totpAt } from '../unit/support/mfa';
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

describe('TOTP secrets in the server’s database (ADR 0028)', () => {
  it('are sealed in the SQLite file, and a login with the right code still works', async () => {
    const server = await startTestServer();

    const login = await call(server, paths.session.href, {
      email: 'bob@example.com',
      password: DEMO_PASSWORD,
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
    const code = totpAt(BOB_TOTP_SECRET, server.time.now);
    const verified = await call(server, paths.sessionMfa.href, { code }, cookie);

    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({ state: 'active' });
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
