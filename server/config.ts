import { join, resolve } from 'node:path';

/** SERVER-6: demo data and dev tools, or a real team's server. */
export type ServerMode = 'demo' | 'production';

export interface ServerConfig {
  mode: ServerMode;
  port: number;
  /** Where the SQLite file lives (SERVER-2); unused when `databaseUrl` is set. */
  dataDir: string;
  /** SERVER-8: PostgreSQL's postgres:// URL, or null for the SQLite file in `dataDir`. */
  databaseUrl: string | null;
  /** The console's origin as browsers see it: the Origin rule (GUARD-1) and the cookie's flags (SERVER-3). */
  publicOrigin: string;
  /** Keys the session cookie's signature; random per start in demo mode. */
  cookieSecret: string;
  /**
   * ADR 0028: the 32-byte key (base64) that seals TOTP secrets at rest, never
   * stored with them; null in demo mode, which keeps a generated one in `dataDir`.
   */
  dataKey: Uint8Array<ArrayBuffer> | null;
  /** SERVER-5: where mail leaves; without it (demo mode only) mail stays in the outbox. */
  smtpUrl: string | null;
  /** The sender of every email. */
  mailFrom: string;
  /** SERVER-9: how many proxies in front of the server may be believed in X-Forwarded-For. */
  trustProxy: number;
  /** The SPA build the server serves (SERVER-1); null (APP_DIR='') serves the API alone. */
  appDir: string | null;
}

/** A setting that is missing or bad: the message names the variable (SERVER-6). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const COOKIE_SECRET_MIN_LENGTH = 32;
/** AES-256: the data key's length in bytes. */
export const DATA_KEY_BYTES = 32;
const DEFAULT_PORT = 3000;

type Env = Readonly<Record<string, string | undefined>>;

function portOf(env: Env): number {
  const raw = env.PORT ?? String(DEFAULT_PORT);
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 0 || port > 65_535) {
    throw new ConfigError(`PORT must be a port number from 0 to 65535, not "${raw}".`);
  }
  return port;
}

function originOf(raw: string, name: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an origin such as https://console.example.com.`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/') {
    throw new ConfigError(`${name} must be an origin such as https://console.example.com.`);
  }
  return url.origin;
}

function trustProxyOf(env: Env): number {
  const raw = env.TRUST_PROXY ?? '0';
  if (raw === 'false') return 0;
  if (raw === 'true') return 1;
  if (!/^\d+$/.test(raw)) {
    throw new ConfigError(
      `TRUST_PROXY must be the number of proxies in front of the server (0, 1, 2...), not "${raw}".`,
    );
  }
  return Number(raw);
}

function smtpUrlOf(env: Env): string | null {
  const raw = env.SMTP_URL;
  if (raw === undefined || raw === '') return null;
  try {
    const url = new URL(raw);
    if (url.protocol === 'smtp:' || url.protocol === 'smtps:') return raw;
  } catch {
    // Answered below.
  }
  throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL.');
}

function databaseUrlOf(env: Env): string | null {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return null;
  try {
    const url = new URL(raw);
    if (url.protocol === 'postgres:' || url.protocol === 'postgresql:') return raw;
  } catch {
    // Answered below.
  }
  // The URL is not echoed: it may hold a password.
  throw new ConfigError(
    'DATABASE_URL must be a postgres:// URL such as postgres://user:password@host:5432/console.',
  );
}

function dataKeyOf(env: Env, production: boolean): Uint8Array<ArrayBuffer> | null {
  const raw = env.DATA_KEY;
  const needed = `DATA_KEY must be ${DATA_KEY_BYTES} random bytes in base64 (openssl rand -base64 ${DATA_KEY_BYTES})`;
  if (raw === undefined || raw === '') {
    if (production) throw new ConfigError(`${needed} in production: it seals TOTP secrets.`);
    return null;
  }
  const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(raw) ? Buffer.from(raw, 'base64') : null;
  // The value is not echoed: it is a key.
  if (bytes === null || bytes.length !== DATA_KEY_BYTES) throw new ConfigError(`${needed}.`);
  return new Uint8Array(bytes);
}

/**
 * The server's configuration from environment variables, validated at start
 * (SERVER-6). Production refuses to start without a public origin, a cookie
 * secret, a data key and an SMTP server; demo mode has defaults for a laptop.
 */
export function configFrom(env: Env, randomSecret: () => string): ServerConfig {
  const mode: ServerMode = env.NODE_ENV === 'production' ? 'production' : 'demo';
  const port = portOf(env);
  const smtpUrl = smtpUrlOf(env);
  const databaseUrl = databaseUrlOf(env);
  const production = mode === 'production';
  if (production && env.PUBLIC_ORIGIN === undefined) {
    throw new ConfigError(
      'PUBLIC_ORIGIN is required in production: the console origin browsers use, such as https://console.example.com.',
    );
  }
  if (production && smtpUrl === null) {
    throw new ConfigError(
      'SMTP_URL is required in production: the server emails codes and notices.',
    );
  }
  const cookieSecret = env.COOKIE_SECRET ?? (production ? undefined : randomSecret());
  if (cookieSecret === undefined || cookieSecret.length < COOKIE_SECRET_MIN_LENGTH) {
    throw new ConfigError(
      `COOKIE_SECRET must be at least ${COOKIE_SECRET_MIN_LENGTH} random characters${production ? ' in production' : ''}.`,
    );
  }
  const dataKey = dataKeyOf(env, production);
  const publicOrigin = originOf(env.PUBLIC_ORIGIN ?? `http://localhost:${port}`, 'PUBLIC_ORIGIN');
  if (production && !publicOrigin.startsWith('https:') && !isLoopback(publicOrigin)) {
    throw new ConfigError(
      'PUBLIC_ORIGIN must be https:// in production (the session cookie is Secure).',
    );
  }
  return {
    mode,
    port,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl,
    publicOrigin,
    cookieSecret,
    dataKey,
    smtpUrl,
    mailFrom: env.MAIL_FROM ?? `no-reply@${new URL(publicOrigin).hostname}`,
    trustProxy: trustProxyOf(env),
    // What `npm run build:server` made: the demo build keeps the dev tools (ADR 0022).
    appDir:
      env.APP_DIR === ''
        ? null
        : resolve(env.APP_DIR ?? join('dist-server', production ? 'app' : 'app-demo')),
  };
}

function isLoopback(origin: string): boolean {
  const host = new URL(origin).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}
