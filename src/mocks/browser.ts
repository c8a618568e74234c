import type { Transport } from '@/api/client';
import { createBackend } from '@/backend/backend';
import { systemClock } from '@/backend/domain/context';
import { allHandlers } from '@/backend/handlers/all-handlers';
import { profileJar } from '@/backend/handlers/remember-jar';
import { tabJar } from '@/backend/handlers/session-jar';
import { inPageTransport } from './in-page-transport';
import { createIndexedDbAttachmentStore } from './store/indexeddb-attachment-store';
import { createIndexedDbStore } from './store/indexeddb-store';

declare global {
  interface Window {
    /**
     * MOCK-8: the mock's API for the browser's console and for tests, as this
     * tab's session: `await mockFetch('/api/v1/session')`.
     */
    mockFetch?: (path: string, init?: RequestInit) => Promise<Response>;
  }
}

/**
 * Starts the mock backend in this page: its state in IndexedDB, which every
 * tab of this origin reads and writes in its own transactions, and the
 * transport through which the API client's requests reach its handlers.
 */
export function startMockBackend(): Transport {
  retireEarlierWorker();
  const server = createBackend({
    store: createIndexedDbStore(systemClock),
    attachments: createIndexedDbAttachmentStore(),
    clock: systemClock,
  });
  const transport = inPageTransport(
    allHandlers({
      server,
      jar: tabJar(sessionStorage),
      rememberJar: profileJar(localStorage),
      origin: location.origin,
      // A request made in the page carries no User-Agent header: the page names its browser (LOG-1).
      userAgent: navigator.userAgent,
    }),
  );
  window.mockFetch = (path, init = {}) => transport(new URL(path, location.origin).href, init);
  return transport;
}

/**
 * Versions before ADR 0038 answered through a service worker. A browser that
 * still has it registered would go on starting it for every page of the
 * demo, to pass every request through: it is let go.
 */
function retireEarlierWorker(): void {
  navigator.serviceWorker
    ?.getRegistrations()
    .then((registrations) => Promise.all(registrations.map((each) => each.unregister())))
    .catch(() => undefined);
}
