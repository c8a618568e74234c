import { expect, test as base } from '@playwright/test';

/**
 * Every journey also checks that no product API request slipped past the mock
 * backend: such a request reaches the static server, which answers it with a
 * page or a bare 404 instead of the contract's JSON. The app must not send one
 * before the mock answers its tab, however the tab was opened or reloaded.
 */
export const test = base.extend<{ everyApiRequestAnsweredByTheMock: void }>({
  everyApiRequestAnsweredByTheMock: [
    async ({ context }, use) => {
      const stray: string[] = [];
      context.on('response', (response) => {
        const { pathname } = new URL(response.url());
        if (!pathname.startsWith('/api/v1/') || response.status() < 400) return;
        const type = response.headers()['content-type'] ?? '';
        if (!type.includes('application/json')) stray.push(`${response.status()} ${pathname}`);
      });
      await use();
      expect(stray, 'product API requests answered by something other than the mock').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
