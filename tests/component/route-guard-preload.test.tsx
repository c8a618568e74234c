import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { PagePreloadContext } from '@/app/page-preload';
import { RouteGuard } from '@/app/route-guard';

describe('a guard that redirects', () => {
  it("goes once the destination's code has loaded, so the page never arrives behind a spinner", async () => {
    let loaded = () => {};
    const preload = vi.fn(() => new Promise<void>((resolve) => (loaded = resolve)));
    const queryClient = new QueryClient();
    queryClient.setQueryData(['session'], { state: 'anonymous' });
    render(
      <QueryClientProvider client={queryClient}>
        <PagePreloadContext.Provider value={preload}>
          <MemoryRouter initialEntries={['/account']}>
            <Routes>
              <Route
                path="/account"
                element={
                  <RouteGuard requirement="active">
                    <p>Account page</p>
                  </RouteGuard>
                }
              />
              <Route path="/login" element={<p>Login page</p>} />
            </Routes>
          </MemoryRouter>
        </PagePreloadContext.Provider>
      </QueryClientProvider>,
    );

    expect(preload).toHaveBeenCalledWith('/login');
    expect(screen.queryByText('Login page')).not.toBeInTheDocument();
    expect(screen.queryByText('Account page')).not.toBeInTheDocument();
    await act(async () => loaded());
    expect(await screen.findByText('Login page')).toBeInTheDocument();
  });
});
