import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLighthouse } from './lighthouse.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER_MAIN = join(ROOT, 'dist-server', 'node', 'main.js');
const LOOPBACK = '127.0.0.1';
const READY_TIMEOUT_MS = 30_000;
const READY_POLL_MS = 200;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, LOOPBACK, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function untilHealthy(origin, child) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
  throw new Error(`the server did not answer ${origin}/healthz`);
}

/**
 * SPEC 13 through the server (issue 25): the Node host built as
 * `npm run build:server` builds it and started as `npm start` starts it, in
 * demo mode (the only mode with accounts to sign in as) on a fresh data
 * folder, serving its own build of the app with no mock: compressed,
 * hashed assets cached for a year. Lighthouse then runs the same flow as on
 * the mock: /login cold, then Account Management cold in the tab owner
 * logged in to.
 */
export async function measureServerPages(runs, progress) {
  progress('building the server and its app (npm run build:server)');
  execFileSync('npm', ['run', 'build:server'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'guance-bench-server-'));
  const port = await freePort();
  const origin = `http://${LOOPBACK}:${port}`;
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    // Vite's builds in this process set NODE_ENV=production, which would start production mode.
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      DATA_DIR: dataDir,
      PUBLIC_ORIGIN: origin,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await untilHealthy(origin, child);
    progress(
      `running Lighthouse (desktop, mobile) on the server's /login and /account, ${runs} times`,
    );
    return await runLighthouse(origin, runs);
  } finally {
    child.kill();
    await new Promise((resolve) =>
      child.exitCode === null ? child.once('exit', resolve) : resolve(),
    );
    await rm(dataDir, { recursive: true, force: true });
  }
}
