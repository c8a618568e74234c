import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LARGE_DEMO_BATCHES, LARGE_DEMO_TICKETS_PER_BATCH } from '@/api/limits';
import { paths } from '@/api/paths';
import { DEMO_PASSWORD } from '@/backend/seed';
import { DATABASE_FILE } from '../../server/store/server-store';
import { type ServerProcess, spawnServer, startServerProcess } from './support/server-process';

/** Real processes start, hash and stop on a busy 2-core machine: a ceiling, not a wait. */
const PROCESS_TEST_TIMEOUT_MS = 60_000;

let dataDir: string;
const running: ServerProcess['child'][] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'console-process-'));
});

afterEach(async () => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

async function start(env: Record<string, string> = {}): Promise<ServerProcess> {
  const server = await startServerProcess({ PORT: '0', DATA_DIR: dataDir, ...env });
  running.push(server.child);
  return server;
}

/** SERVER-6: a start that cannot work ends with one line naming why, and exit code 1. */
async function failedStart(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  const spawned = spawnServer({ PORT: '0', DATA_DIR: dataDir, ...env });
  running.push(spawned.child);
  spawned.listening.catch(() => undefined);
  const code = await spawned.exited;
  return { code, stderr: spawned.stderr() };
}

function url(server: ServerProcess, path: string) {
  return `http://127.0.0.1:${server.port}${path}`;
}

function logIn(server: ServerProcess, email: string) {
  return fetch(url(server, paths.session.href), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
}

describe('starting (SERVER-6)', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('creates and seeds its database on first start, and answers /healthz', async () => {
    const server = await start();

    expect((await fetch(url(server, '/healthz'))).status).toBe(200);
    expect((await fetch(url(server, '/readyz'))).status).toBe(200);
    const login = await logIn(server, 'alice@example.com');
    expect(login.status).toBe(200);
    // SERVER-3: plain-http localhost is the documented exception to __Host- and Secure.
    expect(login.headers.get('Set-Cookie')).toMatch(
      /^gsid=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/,
    );
  });

  it('refuses a port in use with one line and exit code 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '0.0.0.0', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, stderr } = await failedStart({ PORT: String(port) });
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toEqual([
        `guance-console: port ${port} is already in use (set PORT).`,
      ]);
    } finally {
      blocker.close();
    }
  });

  it('refuses a DATA_DIR it cannot write with one line and exit code 1', async () => {
    const file = join(dataDir, 'a-file');
    await writeFile(file, '');
    const { code, stderr } = await failedStart({ DATA_DIR: join(file, 'data') });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      `guance-console: DATA_DIR ${join(file, 'data')} is not a writable directory.`,
    ]);
  });

  it('refuses a database of a newer schema than it knows, and changes nothing in it', async () => {
    const first = await start();
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
      999,
      'later',
    );
    db.close();

    const { code, stderr } = await failedStart({});
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/999/);
  });

  it('refuses a database sealed with another DATA_KEY with one line naming it (ADR 0028)', async () => {
    const first = await start();
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const { code, stderr } = await failedStart({
      DATA_KEY: Buffer.alloc(32, 9).toString('base64'),
    });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('DATA_KEY');
  });

  it.each([
    [{}, 'PUBLIC_ORIGIN'],
    [{ PUBLIC_ORIGIN: 'https://console.example.com' }, 'SMTP_URL'],
    [
      { PUBLIC_ORIGIN: 'https://console.example.com', SMTP_URL: 'smtp://mail.example.com:25' },
      'COOKIE_SECRET',
    ],
    [
      {
        PUBLIC_ORIGIN: 'https://console.example.com',
        SMTP_URL: 'smtp://mail.example.com:25',
        COOKIE_SECRET: 'short',
      },
      'COOKIE_SECRET',
    ],
    [
      {
        PUBLIC_ORIGIN: 'https://console.example.com',
        SMTP_URL: 'smtp://mail.example.com:25',
        COOKIE_SECRET: 'a-cookie-secret-long-enough-0123456789',
      },
      'DATA_KEY',
    ],
    [
      {
        PUBLIC_ORIGIN: 'https://console.example.com',
        SMTP_URL: 'smtp://mail.example.com:25',
        COOKIE_SECRET: 'a-cookie-secret-long-enough-0123456789',
        DATA_KEY: Buffer.alloc(16, 7).toString('base64'),
      },
      'DATA_KEY',
    ],
    [{ PORT: 'eighty' }, 'PORT'],
  ])('production refuses a missing or bad setting, naming it: %j', async (env, variable) => {
    const { code, stderr } = await failedStart({ NODE_ENV: 'production', ...env });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(variable);
  });
});

describe('graceful shutdown (SERVER-10)', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('on SIGTERM finishes the request in flight, refuses new ones, and exits 0', async () => {
    const server = await start();
    const body = JSON.stringify({ email: 'alice@example.com', password: DEMO_PASSWORD });
    // Expect: 100-continue makes the server say it has the request before its body is sent.
    const inFlight = httpRequest(url(server, paths.session.href), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': String(Buffer.byteLength(body)),
        Expect: '100-continue',
      },
    });
    const answered = new Promise<number>((resolve, reject) => {
      inFlight.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      inFlight.on('error', reject);
    });
    await new Promise<void>((resolve) => inFlight.on('continue', resolve));
    inFlight.flushHeaders();

    const stopping = new Promise<void>((resolve) => {
      const check = () =>
        server.lines.some((line) => line.includes('"stopping"')) ? resolve() : undefined;
      server.child.stdout?.on('data', check);
      check();
    });
    server.child.kill('SIGTERM');
    await stopping;
    await expect(fetch(url(server, '/healthz'))).rejects.toThrow();

    inFlight.end(body);
    expect(await answered).toBe(200);
    expect(await server.exited).toBe(0);
    expect(server.lines.some((line) => line.includes('"stopped"'))).toBe(true);
  });
});

describe('a crash mid-write (SERVER-2)', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('after kill -9 during a burst of writes, every acknowledged write is there and no half of one', async () => {
    const server = await start();
    const acknowledgedBatches: number[] = [];
    const acknowledgedLogins: number[] = [];
    // Writes of two sizes at once: 1,000 tickets in one transaction, and a session each.
    const batches = (async () => {
      for (let batch = 0; batch < LARGE_DEMO_BATCHES; batch += 1) {
        const response = await fetch(url(server, paths.devLargeDemo.href), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ batch, workspaceId: 'ws_demo' }),
        });
        if (response.status !== 200) return;
        acknowledgedBatches.push(batch);
        if (acknowledgedBatches.length === 3) server.child.kill('SIGKILL');
      }
    })().catch(() => undefined);
    const logins = Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        logIn(server, 'alice@example.com')
          .then((response) => {
            if (response.status === 200) acknowledgedLogins.push(index);
          })
          .catch(() => undefined),
      ),
    );
    await Promise.all([batches, logins, server.exited]);
    expect(acknowledgedBatches.length).toBeGreaterThanOrEqual(3);

    const db = new Database(join(dataDir, DATABASE_FILE));
    try {
      expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    } finally {
      db.close();
    }
    // The database opens again as it was left.
    const restarted = await start();
    expect((await fetch(url(restarted, '/readyz'))).status).toBe(200);
    const counts = countRows(join(dataDir, DATABASE_FILE));
    // Every acknowledged batch is there, and a batch is there whole or not at all.
    expect(counts.tickets % LARGE_DEMO_TICKETS_PER_BATCH).toBe(0);
    expect(counts.tickets).toBeGreaterThanOrEqual(
      acknowledgedBatches.length * LARGE_DEMO_TICKETS_PER_BATCH,
    );
    expect(counts.tickets).toBeLessThanOrEqual(
      (acknowledgedBatches.length + 1) * LARGE_DEMO_TICKETS_PER_BATCH,
    );
    expect(counts.sessions).toBeGreaterThanOrEqual(acknowledgedLogins.length);
  });
});

function countRows(file: string): { tickets: number; sessions: number } {
  const db = new Database(file, { readonly: true });
  try {
    const count = (table: string) =>
      db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return { tickets: count('tickets'), sessions: count('sessions') };
  } finally {
    db.close();
  }
}
