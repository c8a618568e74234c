import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { loadChosenCatalogue } from '@/lib/i18n/i18n';
import { createQueryClient } from './query-client';
import { AppRoutes, preloadPageFor } from './router';
import { useDocumentPreferences } from './use-document-preferences';

/** Keeps <html lang> and the theme in step with the preferences, on every page. */
function DocumentPreferences() {
  useDocumentPreferences();
  return null;
}

/** MOCK-2's reset notice; compiled out of a production build. */
const ResetNotice = !import.meta.env.DEMO_BUILD
  ? null
  : lazy(() =>
      Promise.all([import('@/features/devtools/reset-notice'), loadChosenCatalogue()]).then(
        ([module]) => ({ default: module.ResetNotice }),
      ),
    );

export { preloadPageFor };

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <DocumentPreferences />
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
      {ResetNotice && (
        <Suspense fallback={null}>
          <ResetNotice />
        </Suspense>
      )}
    </QueryClientProvider>
  );
}
