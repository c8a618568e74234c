import './styles/tokens.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appPaths } from '@/api/app-paths';

const root = document.getElementById('root');

/**
 * Boot: the app's code, the chosen language's words and the first page's code
 * load, and the mock backend (when no real backend is configured) starts in
 * the page. The login page paints as soon as its code and words are there,
 * and the mock's code waits for that first frame so it does not compete with
 * it; every other page needs the session, so there the mock starts at once.
 * Requests wait in the API client for the mock's transport (QUAL-3, SPEC 13).
 */
async function boot(): Promise<void> {
  // The page nearly every first visit opens: it paints before the session is known.
  const onLoginPage = location.pathname === appPaths.login.href;
  // Fetched alongside the app's code rather than after it.
  if (onLoginPage) void import('./app/routes/login-route');
  // The login page paints with its own words; any other page waits for all of them.
  const i18n = import('./lib/i18n/i18n');
  const languageReady = i18n.then(({ loadChosenCatalogue, loadFirstScreenWords }) =>
    onLoginPage
      ? import('./lib/preferences').then(({ usePreferences }) =>
          loadFirstScreenWords(usePreferences.getState().language),
        )
      : loadChosenCatalogue(),
  );
  const appReady = import('./app/app');
  const pageReady = appReady.then((app) => app.preloadPageFor(location.pathname));
  // Elsewhere the page's own lazy load retries a failed preload, and reports it.
  pageReady.catch(() => undefined);
  const firstScreen = Promise.all([appReady, languageReady, onLoginPage ? pageReady : null]);
  const startMock = () => import('./mocks/browser').then((loaded) => loaded.startMockBackend());
  // The rest of the words, like the mock, wait for the login page's first frame.
  if (onLoginPage) {
    const loadRest = () => i18n.then(({ loadChosenCatalogue }) => loadChosenCatalogue());
    // A part that fails here loads again, and is reported, where a page waits for it.
    void firstScreen
      .then(afterFirstPaint)
      .then(loadRest)
      .catch(() => undefined);
  }
  const mock = !import.meta.env.MOCK_BACKEND
    ? null
    : onLoginPage
      ? firstScreen.then(afterFirstPaint).then(startMock)
      : startMock();
  const [[{ App }], { sendLanguageFrom, sendRequestsThrough }, { usePreferences }] =
    await Promise.all([firstScreen, import('./api/client'), import('./lib/preferences')]);
  if (mock) {
    sendRequestsThrough(mock);
    mock.catch(bootFailed);
  }
  sendLanguageFrom(() => usePreferences.getState().language);
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

/** The longest the mock waits for the login page to be drawn: a hidden tab draws no frames. */
const FIRST_PAINT_WAIT_MS = 1_000;

/**
 * Resolves once a frame with the app in it is painted (the frame after the
 * one in which the app's first render is found in the page), or after a
 * wait: the mock's code, parsed and run before that frame, would hold the
 * login form back.
 */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    const untilDrawn = () =>
      requestAnimationFrame(() =>
        root && root.childElementCount === 0
          ? untilDrawn()
          : requestAnimationFrame(() => resolve()),
      );
    untilDrawn();
    setTimeout(resolve, FIRST_PAINT_WAIT_MS);
  });
}

function bootFailed(error: unknown): void {
  console.error(error);
  root?.setAttribute('data-boot-failed', 'true');
  root?.setAttribute('hidden', '');
  document.getElementById('boot-failed')?.removeAttribute('hidden');
}

boot().catch(bootFailed);
