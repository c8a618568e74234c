import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { systemClock } from '@/backend/domain/context';
import { ConfigError, configFrom, type ServerConfig } from './config';
import { jsonLog } from './log';
import { createScryptHasher } from './passwords/scrypt-hasher';
import { startServer } from './start';

const log = jsonLog((text) => process.stdout.write(text));

/** A start that cannot work ends with one line naming why, and exit code 1 (SERVER-6). */
function fail(message: string): never {
  process.stderr.write(`guance-console: ${message}\n`);
  process.exit(1);
}

function checkDataDir(config: ServerConfig): void {
  try {
    mkdirSync(config.dataDir, { recursive: true });
    accessSync(config.dataDir, constants.W_OK);
  } catch {
    fail(`DATA_DIR ${config.dataDir} is not a writable directory.`);
  }
}

function reasonOf(error: unknown, config: ServerConfig): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') return `port ${config.port} is already in use (set PORT).`;
  if (code === 'EACCES') return `port ${config.port} cannot be opened by this user (set PORT).`;
  if (error instanceof Error && /Schema|Stored/.test(error.name)) return error.message;
  return `could not start: ${error instanceof Error ? error.message : String(error)}`;
}

async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    config = configFrom(process.env, () => randomBytes(32).toString('base64url'));
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  // PostgreSQL keeps everything in the database: no directory of its own to check.
  if (config.databaseUrl === null) checkDataDir(config);
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config, {
      clock: systemClock,
      passwords: createScryptHasher(),
      log,
    });
  } catch (error) {
    fail(reasonOf(error, config));
  }
  // Ready for a signal before anyone is told it listens.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log({ level: 'info', msg: 'stopping', signal });
    void server.close().then(() => {
      log({ level: 'info', msg: 'stopped' });
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  log({
    level: 'info',
    msg: 'listening',
    mode: config.mode,
    port: server.port,
    origin: config.publicOrigin,
    // Where the state lives, never the URL itself: it may hold a password.
    ...(config.databaseUrl === null ? { dataDir: config.dataDir } : { database: 'postgres' }),
  });
}

void main();
