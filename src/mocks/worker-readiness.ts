import { paths } from '@/api/paths';

/** How long to wait for the service worker to take control of a tab it has just started in. */
export const WORKER_CONTROL_TIMEOUT_MS = 3_000;
/** Pauses between probes that found the worker not answering yet; their sum bounds the wait. */
export const WORKER_PROBE_BACKOFF_MS = [50, 100, 200, 400, 800, 1_600] as const;
/** sessionStorage key that allows one reload per tab when the worker never answers. */
const RELOADED_KEY = 'mock-server:reloaded-for-worker';

export interface ReadinessDeps {
  /** Whether a request from this page now reaches the mock, not the network. */
  probe: () => Promise<boolean>;
  /** Resolves once the page is controlled by a service worker, or the wait is over. */
  untilControlled: (timeoutMs: number) => Promise<void>;
  wait: (ms: number) => Promise<void>;
  reload: () => void;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/**
 * A started worker does not always answer yet: a tab opened while the last
 * other tab was closing (the worker unregisters itself then) or a reload that
 * bypassed it is not controlled, and its requests would reach the static
 * server and come back 404. No request of the app may leave before the mock
 * answers, so the boot waits here: for control, then for a probe answered by
 * the mock, and as a last resort reloads the tab once.
 */
export async function untilMockAnswers(deps: ReadinessDeps): Promise<'ready' | 'reloading'> {
  await deps.untilControlled(WORKER_CONTROL_TIMEOUT_MS);
  for (const pause of [0, ...WORKER_PROBE_BACKOFF_MS]) {
    if (pause > 0) await deps.wait(pause);
    if (await deps.probe()) {
      deps.storage.removeItem(RELOADED_KEY);
      return 'ready';
    }
  }
  if (deps.storage.getItem(RELOADED_KEY) === null) {
    deps.storage.setItem(RELOADED_KEY, '1');
    deps.reload();
    return 'reloading';
  }
  deps.storage.removeItem(RELOADED_KEY);
  throw new Error('The mock backend did not take control of this tab.');
}

/**
 * An answer the mock did not give: the mock answers every product request,
 * errors included, with JSON, so a failure without it came from the static
 * server behind the worker.
 */
export function isStrayAnswer(response: Response): boolean {
  const json = response.headers.get('Content-Type')?.includes('application/json') ?? false;
  return !response.ok && !json;
}

/** The dev status endpoint answers JSON with the settings only when the mock serves it. */
export async function probeMockBackend(): Promise<boolean> {
  try {
    const response = await fetch(paths.devStatus.href, { cache: 'no-store' });
    if (!response.ok) return false;
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null && 'settings' in body;
  } catch {
    return false;
  }
}

/** What the mock's worker answers by taking control of the tabs it does not control yet. */
export const CLAIM_MESSAGE = 'MOCK_CLAIM';

/**
 * A tab the worker is registered for but does not control (a hard reload, or a
 * tab opened while the worker installs) would be reloaded by MSW as it starts:
 * under the user's hands, since the login form is there before the mock. The
 * worker takes the tab instead, the one installing as it activates. Should
 * that not come, MSW's reload remains.
 */
export async function claimTab(timeoutMs: number): Promise<void> {
  const container = navigator.serviceWorker;
  if (container.controller) return;
  const registration = await container.getRegistration();
  if (!registration) return;
  const controlled = untilControlled(timeoutMs);
  registration.active?.postMessage(CLAIM_MESSAGE);
  await controlled;
}

export function untilControlled(timeoutMs: number): Promise<void> {
  const container = navigator.serviceWorker;
  if (container.controller) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      container.removeEventListener('controllerchange', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    container.addEventListener('controllerchange', done);
  });
}
