import { beforeEach } from 'vitest';
import { createBackend } from '@/backend/backend';
import { loginSaltFor } from '@/backend/domain/accounts';
import { type IssuedSession, logIn } from '@/backend/domain/sessions';
import type { ServerState } from '@/backend/domain/state';
import { DEMO_PASSWORD } from '@/backend/seed';
import { createMemoryStore } from '@/backend/store/memory-store';
import { everythingByDefault, type TestBackend } from './everything-by-default';
import { createFakeClock, type FakeClock } from './fake-clock';
import { testPasswordHasher, testSeed } from './test-passwords';

export interface TestServer {
  server: TestBackend;
  time: FakeClock;
  /** A copy of the stored state, for assertions only. */
  snapshot(): Promise<ServerState>;
}

/**
 * A fresh mock server over a fresh memory store and a fake clock. `randomBytes`
 * replaces the CSPRNG where a test needs to know or repeat what it draws.
 */
export function createTestServer(
  options: { randomBytes?: (length: number) => Uint8Array } = {},
): TestServer {
  const time = createFakeClock();
  const server = everythingByDefault(
    createBackend({
      store: createMemoryStore(time.clock, undefined, undefined, testSeed),
      clock: time.clock,
      ...(options.randomBytes ? { randomBytes: options.randomBytes } : {}),
    }),
  );
  return {
    server,
    time,
    snapshot: () => server.run((state) => structuredClone(state)),
  };
}

/**
 * A fresh test server for every test of the file that calls this, reached
 * through the returned object, so helpers written once can serve many files.
 */
export function setupTestServer(
  options: { randomBytes?: (length: number) => Uint8Array } = {},
): TestServer {
  let current: TestServer | null = null;
  beforeEach(() => {
    current = createTestServer(options);
  });
  const now = (): TestServer => {
    if (!current) throw new Error('setupTestServer: the server exists only inside a test');
    return current;
  };
  return {
    get server() {
      return now().server;
    },
    get time() {
      return now().time;
    },
    snapshot: () => now().snapshot(),
  };
}

/**
 * A password login through the core as the endpoint makes it (GUARD-7): the
 * salt read in one transaction, the hash made outside, the login decided in a
 * second transaction.
 */
export async function passwordLogIn(
  server: TestBackend,
  email: string,
  password: string = DEMO_PASSWORD,
): Promise<IssuedSession> {
  const typed = await testPasswordHasher.hash(
    password,
    await server.run((state) => loginSaltFor(state, email)),
  );
  return server.run((state, ctx) => logIn(state, ctx, email, typed));
}
