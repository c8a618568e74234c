import { createBackend } from '@/backend/backend';
import { allHandlers } from '@/backend/handlers/all-handlers';
import { memoryJar } from '@/backend/handlers/session-jar';
import { createMemoryStore } from '@/backend/store/memory-store';
import { everythingByDefault, type TestBackend } from '../../support/everything-by-default';
import { testPasswordHasher, testSeed } from '../../support/test-passwords';

export const TEST_START_MS = Date.parse('2026-03-02T09:00:00Z');

interface MockApi {
  /** As a test looks at it: see everything-by-default.ts. */
  server: TestBackend;
  handlers: ReturnType<typeof allHandlers>;
  /** Moves the mock server's clock forward. */
  advance: (ms: number) => void;
}

let current: MockApi | null = null;

/** A fresh mock server per test: memory store, its own clock, one browser's session jar. */
export function resetMockApi(): MockApi {
  let now = TEST_START_MS;
  const server = createBackend({
    store: createMemoryStore(() => now, undefined, undefined, testSeed),
    clock: () => now,
  });
  current = {
    server: everythingByDefault(server),
    handlers: allHandlers({
      server,
      jar: memoryJar(),
      origin: location.origin,
      passwords: testPasswordHasher,
    }),
    advance: (ms) => {
      now += ms;
    },
  };
  return current;
}

export function mockApi(): MockApi {
  if (!current) throw new Error('mockApi() before resetMockApi()');
  return current;
}
