import type { Page } from '@playwright/test';

type MockFetch = (path: string, init?: RequestInit) => Promise<Response>;

/**
 * A request to the API from this tab, as a script on the page would make it,
 * with the tab's session: in the demo through the `mockFetch` the mock gives
 * the console, since it answers in the page (ADR 0038); on a server, `fetch`.
 * Its status and JSON body.
 */
export async function askTheApi(
  page: Page,
  path: string,
  options: { method?: string; json?: unknown } = {},
): Promise<{ status: number; body: { error?: { code: string }; state?: string } | null }> {
  return page.evaluate(
    async ({ path, method, json }) => {
      const { mockFetch } = window as unknown as { mockFetch?: MockFetch };
      const send = mockFetch ?? ((url: string, init?: RequestInit) => fetch(url, init));
      const response = await send(path, {
        method,
        ...(json === undefined
          ? {}
          : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(json) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { path, method: options.method ?? 'GET', json: options.json },
  );
}
