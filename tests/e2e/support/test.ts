import { expect, type Page, type Request, test as base } from '@playwright/test';

/**
 * Every journey also checks that no product API request slipped past the mock
 * backend: such a request reaches the static server, which answers it with a
 * page or a bare 404 instead of the contract's JSON. The app must not send one
 * before the mock answers its tab, however the tab was opened or reloaded.
 *
 * A request still in flight when its page navigates away or closes is left
 * out: the service worker lets go of a tab as it unloads, and nobody sees the
 * answer. Only a page that went on showing the document that asked counts.
 */
export const test = base.extend<{ everyApiRequestAnsweredByTheMock: void }>({
  everyApiRequestAnsweredByTheMock: [
    async ({ context }, use) => {
      const documents = new WeakMap<Page, number>();
      // The URL each page is navigating to, from its main frame's navigation request.
      const navigatingTo = new WeakMap<Page, string>();
      const askedFrom = new WeakMap<Request, number>();
      const stray: { page: Page; document: number; what: string }[] = [];
      const documentOf = (page: Page) => documents.get(page) ?? 0;
      const watch = (page: Page) => {
        page.on('request', (request) => {
          if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
            navigatingTo.set(page, request.url());
          }
          askedFrom.set(request, documentOf(page));
        });
        // A new document commits here, at the URL its navigation request asked
        // for (the last of any redirects); until then every request is the old
        // one's, which may still be firing as it unloads. A same-document
        // navigation (the router's) keeps the document, even while a new one is
        // on its way: it lands on another URL.
        page.on('framenavigated', (frame) => {
          if (frame !== page.mainFrame() || navigatingTo.get(page) !== frame.url().split('#')[0])
            return;
          navigatingTo.delete(page);
          documents.set(page, documentOf(page) + 1);
        });
        page.on('response', (response) => {
          const { pathname } = new URL(response.url());
          if (!pathname.startsWith('/api/v1/') || response.status() < 400) return;
          const type = response.headers()['content-type'] ?? '';
          if (type.includes('application/json')) return;
          stray.push({
            page,
            document: askedFrom.get(response.request()) ?? documentOf(page),
            what: `${response.status()} ${pathname}`,
          });
        });
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      await use();
      const seen = stray
        .filter(({ page, document }) => !page.isClosed() && documentOf(page) === document)
        .map(({ what }) => what);
      expect(seen, 'product API requests answered by something other than the mock').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
