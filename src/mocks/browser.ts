import { setupWorker } from 'msw/browser';
import { createBackend } from '@/backend/backend';
import { systemClock } from '@/backend/domain/context';
import { allHandlers } from '@/backend/handlers/all-handlers';
import { profileJar } from '@/backend/handlers/remember-jar';
import { tabJar } from '@/backend/handlers/session-jar';
import { createIndexedDbAttachmentStore } from './store/indexeddb-attachment-store';
import { createIndexedDbStore } from './store/indexeddb-store';
import {
  claimTab,
  isStrayAnswer,
  probeMockBackend,
  untilControlled,
  untilMockAnswers,
  WORKER_CONTROL_TIMEOUT_MS,
} from './worker-readiness';

/** The mock's service worker: MSW's, kept registered when the last tab closes (see the script). */
const MOCK_WORKER_URL = '/mock-service-worker.js';

/**
 * Starts the in-page server: IndexedDB state shared by the tabs of this origin.
 * Resolves only once a request from this tab is answered by it (never, when
 * the tab is reloading to get there), with the recovery for an answer that
 * did not come from it.
 */
export async function startMockBackend(): Promise<(response: Response) => Promise<boolean>> {
  const server = createBackend({
    store: createIndexedDbStore(systemClock),
    attachments: createIndexedDbAttachmentStore(),
    clock: systemClock,
  });
  const worker = setupWorker(
    ...allHandlers({
      server,
      jar: tabJar(sessionStorage),
      rememberJar: profileJar(localStorage),
      origin: location.origin,
      // Requests the worker hands over carry no User-Agent: the page names its browser (LOG-1).
      userAgent: navigator.userAgent,
    }),
  );
  const attach = async () => {
    await claimTab(WORKER_CONTROL_TIMEOUT_MS);
    await worker.start({
      serviceWorker: { url: MOCK_WORKER_URL },
      onUnhandledRequest: 'bypass',
      quiet: true,
    });
    const outcome = await untilMockAnswers({
      probe: probeMockBackend,
      untilControlled,
      wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      reload: () => location.reload(),
      storage: sessionStorage,
    });
    if (outcome === 'reloading') await new Promise<never>(() => undefined);
  };
  await attach();

  // One re-attachment at a time, however many answers strayed meanwhile.
  let reattaching: Promise<void> | null = null;
  return async (response) => {
    if (!isStrayAnswer(response)) return false;
    reattaching ??= (async () => {
      worker.stop();
      await attach();
    })().finally(() => {
      reattaching = null;
    });
    await reattaching;
    return true;
  };
}
