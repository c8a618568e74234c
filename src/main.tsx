import './styles/tokens.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');

/** The page nearly every first visit opens: its chunk is fetched alongside the app's. */
const LOGIN_PATH = '/login';

/**
 * Boot: the app's code and the chosen language's words load first, then the
 * mock backend (when no real backend is configured) starts, so its code does
 * not hold up the first screen's on the way. The first screen paints as soon
 * as its code and words are there; requests wait in the API client until the
 * mock answers (QUAL-3, SPEC 13).
 */
async function boot(): Promise<void> {
  const languageReady = import('./lib/i18n/i18n').then(async ({ loadCatalogue }) => {
    const { usePreferences } = await import('./lib/preferences');
    await loadCatalogue(usePreferences.getState().language);
  });
  if (location.pathname === LOGIN_PATH) void import('./app/routes/login-route');
  const firstPage = import('./app/app').then(async (app) => {
    await app.preloadPageFor(location.pathname);
    return app;
  });
  const [{ App }, { holdRequestsUntil }] = await Promise.all([
    firstPage,
    import('./api/client'),
    languageReady,
  ]);
  const mockReady = import.meta.env.VITE_API_BASE_URL
    ? Promise.resolve()
    : import('./mocks/browser').then(({ startMockBackend }) => startMockBackend());
  holdRequestsUntil(mockReady);
  mockReady.catch(bootFailed);
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

function bootFailed(error: unknown): void {
  console.error(error);
  root?.setAttribute('data-boot-failed', 'true');
  root?.setAttribute('hidden', '');
  document.getElementById('boot-failed')?.removeAttribute('hidden');
}

boot().catch(bootFailed);
