import { expect, type Page, test as base } from '@playwright/test';

/**
 * Every journey also checks that no product API request left the page: the
 * demo's mock answers them in the page (ADR 0038), so one seen on the network
 * went around it, and would reach the static server instead.
 */
export const test = base.extend<{ noApiRequestLeavesThePage: void }>({
  noApiRequestLeavesThePage: [
    async ({ context }, use) => {
      const left: string[] = [];
      const watch = (page: Page) =>
        page.on('request', (request) => {
          const { pathname } = new URL(request.url());
          if (pathname.startsWith('/api/')) left.push(`${request.method()} ${pathname}`);
        });
      context.pages().forEach(watch);
      context.on('page', watch);
      await use();
      expect(left, 'product API requests that reached the network').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
