import './styles/tokens.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');

/**
 * Boot: the mock backend (when no real backend is configured) starts, and the
 * chosen language's words load, while the app's code loads (QUAL-3).
 */
async function boot(): Promise<void> {
  const mockReady = import.meta.env.VITE_API_BASE_URL
    ? Promise.resolve()
    : import('./mocks/browser').then(({ startMockBackend }) => startMockBackend());
  const languageReady = import('./lib/i18n/i18n').then(async ({ loadCatalogue }) => {
    const { usePreferences } = await import('./lib/preferences');
    await loadCatalogue(usePreferences.getState().language);
  });
  const [{ App }] = await Promise.all([import('./app/app'), mockReady, languageReady]);
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

boot().catch((error: unknown) => {
  console.error(error);
  root?.setAttribute('data-boot-failed', 'true');
  document.getElementById('boot-failed')?.removeAttribute('hidden');
});
