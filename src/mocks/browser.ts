import { setupWorker } from 'msw/browser';
import { systemClock } from './domain/context';
import { allHandlers } from './handlers/all-handlers';
import { tabJar } from './handlers/session-jar';
import { createMockServer } from './server';
import { createIndexedDbAttachmentStore } from './store/indexeddb-attachment-store';
import { createIndexedDbStore } from './store/indexeddb-store';

/** Starts the in-page server: IndexedDB state shared by the tabs of this origin. */
export async function startMockBackend(): Promise<void> {
  const server = createMockServer({
    store: createIndexedDbStore(systemClock),
    attachments: createIndexedDbAttachmentStore(),
    clock: systemClock,
  });
  const worker = setupWorker(...allHandlers({ server, jar: tabJar(sessionStorage) }));
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
}
