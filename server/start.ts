import { type AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createTransport } from 'nodemailer';
import { type Backend, createBackend } from '@/backend/backend';
import type { Clock } from '@/backend/domain/context';
import { allHandlers } from '@/backend/handlers/all-handlers';
import type { PasswordHasher } from '@/backend/password-hashing';
import { createServerApp } from './app';
import type { ServerConfig } from './config';
import { clientAddressFromHeader } from './http/client-address';
import { createIpLimiter } from './http/ip-limits';
import { signedRememberJar } from './http/remember-cookie';
import { signedCookieJar } from './http/session-cookie';
import { loadStaticSite } from './http/static-site';
import type { Log } from './log';
import { createMailRelay, type MailTransport } from './mail/mail-relay';
import { openServerStore } from './store/server-store';

export interface StartedServer {
  backend: Backend;
  /** The port it listens on (the one asked for, or the one given for port 0). */
  port: number;
  /** SERVER-10: stops taking requests, lets those in flight finish, then closes the database. */
  close(): Promise<void>;
  /** Sends what the outbox holds now (SERVER-5); it also runs after each write and every few seconds. */
  relayMail(): Promise<void>;
}

/** What a test replaces: the clock, the hash's cost, where mail goes. */
export interface ServerDeps {
  clock: Clock;
  passwords: PasswordHasher;
  log: Log;
  /** Defaults to nodemailer over SMTP_URL when that is set. */
  transport?: MailTransport;
  /** SERVER-9's per-address limits; off only for tests that try a hundred passwords from one address. */
  ipLimits?: boolean;
  /** How long a write waits for another writer's lock before answering 503; SQLITE_BUSY_TIMEOUT_MS by default. */
  busyTimeoutMs?: number;
}

/**
 * Starts the Node host around the backend (SERVER-1): the store on SQLite or PostgreSQL,
 * the same handlers as the mock with the server's cookie, hasher and mode,
 * the HTTP layer, and the mail relay.
 */
export async function startServer(config: ServerConfig, deps: ServerDeps): Promise<StartedServer> {
  const demo = config.mode === 'demo';
  const opened = await openServerStore(config, deps);
  const backend = createBackend({
    store: opened.store,
    attachments: opened.attachments,
    clock: deps.clock,
  });
  const https = config.publicOrigin.startsWith('https:');
  const handlers = allHandlers({
    server: backend,
    jar: signedCookieJar({ secure: https, secret: config.cookieSecret }),
    rememberJar: signedRememberJar({ secure: https, secret: config.cookieSecret }),
    origin: config.publicOrigin,
    passwords: deps.passwords,
    devTools: demo,
    clientAddressOf: clientAddressFromHeader,
  });
  const transport =
    deps.transport ?? (config.smtpUrl === null ? null : createTransport(config.smtpUrl));
  const relay = transport
    ? createMailRelay({ backend, transport, from: config.mailFrom, keepSent: demo, log: deps.log })
    : null;
  let accepting = true;
  const app = createServerApp({
    backend,
    handlers,
    site: config.appDir === null ? null : await loadStaticSite(config.appDir),
    https,
    trustProxy: config.trustProxy,
    limiter: deps.ipLimits === false ? null : createIpLimiter(backend),
    log: deps.log,
    ...(relay ? { afterWrite: () => void relay.kick() } : {}),
    accepting: () => accepting,
  });

  const server: ServerType = await new Promise((resolve, reject) => {
    const started = serve(
      { fetch: app.fetch, port: config.port, hostname: '0.0.0.0', overrideGlobalObjects: false },
      () => resolve(started),
    );
    started.once('error', reject);
  });
  relay?.start();
  const port = (server.address() as AddressInfo).port;

  return {
    backend,
    port,
    relayMail: async () => relay?.kick(),
    async close() {
      accepting = false;
      await new Promise<void>((resolve) => {
        // In-flight requests finish; idle keep-alive connections are let go at once.
        server.close(() => resolve());
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      await relay?.stop();
      await opened.close();
    },
  };
}
