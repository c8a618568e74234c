import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/tokens.css';
import './styles/base.css';

const root = document.getElementById('root');

/**
 * Boot: the mock backend (when no real backend is configured) starts while the
 * app's code loads, not before it (QUAL-3).
 */
async function boot(): Promise<void> {
  const mockReady = import.meta.env.VITE_API_BASE_URL
    ? Promise.resolve()
    : import('./mocks/browser').then(({ startMockBackend }) => startMockBackend());
  const [{ App }] = await Promise.all([import('./app/app'), mockReady]);
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
