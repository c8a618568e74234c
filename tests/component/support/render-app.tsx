import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type Location, MemoryRouter, useLocation } from 'react-router-dom';
import { createQueryClient } from '@/app/query-client';
import { AppRoutes } from '@/app/router';

/** Renders the whole app at a path, with a fresh query client (HOUSE rule 10). */
export function renderApp(path = '/') {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    queries: {
      ...queryClient.getDefaultOptions().queries,
      retry: false,
      refetchOnWindowFocus: false,
    },
  });
  const seen: { location: Location | null } = { location: null };
  function LocationProbe() {
    seen.location = useLocation();
    return null;
  }
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <LocationProbe />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  /** Where the app is now, as the address bar would show it. */
  const location = () => {
    if (!seen.location) throw new Error('The router has not rendered yet');
    return seen.location;
  };
  return { ...view, user, location, queryClient };
}
