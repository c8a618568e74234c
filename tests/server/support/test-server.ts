import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { ServerConfig } from '../../../server/config';
import type { LogLine } from '../../../server/log';
import { createScryptHasher } from '../../../server/passwords/scrypt-hasher';
import { type ServerDeps, type StartedServer, startServer } from '../../../server/start';
import { DATABASE_FILE } from '../../../server/store/server-store';
import { createFakeClock, type FakeClock } from '../../support/fake-clock';

/** A scrypt cheap enough for tests; production's cost is PRODUCTION_SCRYPT_COST. */
export const TEST_SCRYPT_COST = { N: 2 ** 10, r: 8, p: 1 };

/** index.html as Vite leaves it: an inline script (hashed into the CSP) and a hashed asset. */
export const INDEX_HTML =
  '<!doctype html><html><head><script>document.documentElement.dataset.theme = "light";</script>' +
  '<script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';
export const ASSET_JS = `console.log(${JSON.stringify('x'.repeat(4096))});`;

export interface TestServer extends StartedServer {
  url(path: string): string;
  /** The SQLite file it keeps its state in. */
  databaseFile: string;
  time: FakeClock;
  logs: LogLine[];
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The Node host in this process on a free port, over a fresh SQLite file and a built-looking site. */
export async function startTestServer(
  config: Partial<ServerConfig> = {},
  deps: Partial<ServerDeps> = {},
): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'console-server-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const appDir = join(dir, 'app');
  await mkdir(join(appDir, 'assets'), { recursive: true });
  await writeFile(join(appDir, 'index.html'), INDEX_HTML);
  await writeFile(join(appDir, 'assets', 'index-abc123.js'), ASSET_JS);
  const time = createFakeClock();
  const logs: LogLine[] = [];
  const started = await startServer(
    {
      mode: 'demo',
      port: 0,
      dataDir: join(dir, 'data'),
      publicOrigin: 'http://localhost',
      cookieSecret: 'test-cookie-secret-0123456789-abcdef',
      dataKey: null,
      smtpUrl: null,
      databaseUrl: null,
      mailFrom: 'no-reply@localhost',
      trustProxy: 0,
      appDir,
      ...config,
    },
    {
      clock: time.clock,
      passwords: createScryptHasher(TEST_SCRYPT_COST),
      log: (line) => logs.push(line),
      ...deps,
    },
  );
  cleanups.push(() => started.close());
  return {
    ...started,
    time,
    logs,
    url: (path) => `http://127.0.0.1:${started.port}${path}`,
    databaseFile: join(dir, 'data', DATABASE_FILE),
  };
}
