import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/api-error';
import { request, sendRequestsThrough, type Transport } from '@/api/client';
import { paths } from '@/api/paths';
import type { DevSettings } from '@/api/schemas/dev';
import { createBackend } from '@/backend/backend';
import { allHandlers } from '@/backend/handlers/all-handlers';
import { memoryJar } from '@/backend/handlers/session-jar';
import { createMemoryStore } from '@/backend/store/memory-store';
import { inPageTransport } from '@/mocks/in-page-transport';
import { createIndexedDbStore } from '@/mocks/store/indexeddb-store';
import { createFakeClock } from '../support/fake-clock';
import { testPasswordHasher, testSeed } from '../support/test-passwords';

const ORIGIN = 'http://console.test';
const SETTINGS: DevSettings = { latencyMs: 0, errorRate: 0, offline: false, clockOffsetMs: 0 };

/** One tab's mock: its handlers over the given store, behind the in-page transport. */
function tab(store = createMemoryStore(createFakeClock().clock, undefined, undefined, testSeed)) {
  const { clock } = createFakeClock();
  const server = createBackend({ store, clock });
  return inPageTransport(
    allHandlers({ server, jar: memoryJar(), origin: ORIGIN, passwords: testPasswordHasher }),
  );
}

const json = (body: unknown): RequestInit => ({
  method: 'PUT',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

beforeAll(() => {
  // The API client resolves the contract's paths against the page's origin.
  Object.defineProperty(globalThis, 'location', {
    value: new URL(`${ORIGIN}/`),
    configurable: true,
    writable: true,
  });
});

afterAll(() => Reflect.deleteProperty(globalThis, 'location'));

afterEach(() => {
  sendRequestsThrough(Promise.resolve((url, init) => fetch(url, init)));
});

describe('the in-page transport (ADR 0038)', () => {
  it('answers from the handlers in the page, and nothing reaches the network', async () => {
    const network = vi.fn<typeof fetch>(() => Promise.reject(new Error('network')));
    vi.stubGlobal('fetch', network);
    sendRequestsThrough(Promise.resolve(tab()));
    await expect(request(paths.session.href)).resolves.toEqual({ state: 'anonymous' });
    expect(network).not.toHaveBeenCalled();
  });

  it('answers a path no handler declares with the contract 404, as the server does', async () => {
    const response = await tab()(`${ORIGIN}/api/v1/nothing-here`, { method: 'GET' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('makes the dev tools offline switch a network error, which the client says in words', async () => {
    const transport = tab();
    const saved = await transport(
      `${ORIGIN}${paths.devSettings.href}`,
      json({ ...SETTINGS, offline: true }),
    );
    expect(saved.status).toBe(200);
    await expect(transport(`${ORIGIN}${paths.session.href}`, { method: 'GET' })).rejects.toThrow(
      TypeError,
    );
    sendRequestsThrough(Promise.resolve(transport));
    const refused = await request(paths.session.href).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'NETWORK' });
  });

  it('rejects an aborted request with its reason, as fetch does', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      tab()(`${ORIGIN}${paths.session.href}`, { method: 'GET', signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('holds every request until the mock has started, then sends it through the mock', async () => {
    let started: (transport: Transport) => void = () => undefined;
    sendRequestsThrough(new Promise<Transport>((resolve) => (started = resolve)));
    let settled = false;
    const asked = request(paths.session.href).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(settled).toBe(false);
    started(tab());
    await expect(asked).resolves.toEqual({ state: 'anonymous' });
  });

  it('shares the state of one IndexedDB between the tabs of an origin', async () => {
    const { clock } = createFakeClock();
    const first = tab(createIndexedDbStore(clock));
    const second = tab(createIndexedDbStore(clock));
    const settings = { ...SETTINGS, latencyMs: 0, errorRate: 0.25 };
    expect((await first(`${ORIGIN}${paths.devSettings.href}`, json(settings))).status).toBe(200);
    const status = await second(`${ORIGIN}${paths.devStatus.href}`, { method: 'GET' });
    expect(await status.json()).toMatchObject({ settings });
  });
});
