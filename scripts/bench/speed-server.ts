// The server process the speed bench loads (scripts/bench-server-speed.ts):
// server/main.ts as `npm start` runs it, on a fresh SQLite file or a fresh
// PostgreSQL schema, and the CPU time it has used.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from 'pg';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const START_TIMEOUT_MS = 60_000;

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * The CPU time the server process has used, user and system, from /proc:
 * on a machine others load too, CPU per request says what a request costs
 * when requests per second cannot. Null where there is no /proc.
 */
export async function cpuMsOf(pid: number | undefined): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) return null;
  // The fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** A server process on one engine, and how to stop it and drop what it made. */
export interface Running {
  origin: string;
  child: ChildProcess;
  cleanUp(): Promise<void>;
}

/** A schema of its own in the given database, so the bench never touches another's tables. */
async function postgresSchema(pgUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: pgUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE SCHEMA "${name}"`);
  const url = new URL(pgUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  return { url: url.toString(), drop: () => admin(`DROP SCHEMA "${name}" CASCADE`) };
}

async function untilReady(origin: string, child: ChildProcess): Promise<void> {
  const deadline = performance.now() + START_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ready = await fetch(`${origin}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not answer /readyz in ${START_TIMEOUT_MS / 1000} s`);
}

/**
 * server/main.ts in demo mode on a fresh database. TRUST_PROXY=1: the login
 * storm comes from many addresses, as it would behind a proxy, so SERVER-9's
 * per-address limits count it as they would count real clients.
 */
export async function startServerProcess(options: {
  port: number;
  /** A PostgreSQL database to make a schema in, or null for SQLite in a temporary DATA_DIR. */
  postgresUrl: string | null;
}): Promise<Running> {
  const scratch = await mkdtemp(join(tmpdir(), 'guance-speed-bench-'));
  const schema = options.postgresUrl === null ? null : await postgresSchema(options.postgresUrl);
  const { port } = options;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      DATA_DIR: join(scratch, 'data'),
      APP_DIR: '',
      COOKIE_SECRET: 'server-speed-bench-cookie-secret-0123456789',
      TRUST_PROXY: '1',
      ...(schema ? { DATABASE_URL: schema.url } : {}),
    },
    // One JSON line per request, as in production; nobody reads them here.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  const cleanUp = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    await schema?.drop();
    await rm(scratch, { recursive: true, force: true });
  };
  try {
    await untilReady(origin, child);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return { origin, child, cleanUp };
}
