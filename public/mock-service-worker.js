/**
 * The mock backend's service worker: Mock Service Worker's script, loaded as
 * `npx msw init public` wrote it, under two rules of the product's.
 *
 * MSW's worker unregisters itself when the tab that says it is closing was the
 * last one. A reload of the only tab says so too, and then its next document
 * may find the registration being removed: not controlled, MSW reloads the page
 * once more, under the user's hands, and requests can slip past the mock. Here
 * a closing tab is only forgotten, and the worker stays for the next document,
 * as any service worker would. And a tab it does not control yet (a hard
 * reload) asks to be taken, where MSW would reload it.
 */
self.addEventListener('message', (event) => {
  if (event.data === 'MOCK_CLAIM') {
    event.stopImmediatePropagation();
    event.waitUntil(self.clients.claim());
    return;
  }
  const clientId = event.source?.id;
  // Should MSW's script no longer keep its clients where this reaches, its own rule applies.
  if (event.data !== 'CLIENT_CLOSED' || !clientId || typeof activeClientIds === 'undefined') return;
  event.stopImmediatePropagation();
  activeClientIds.delete(clientId);
});

importScripts('./mockServiceWorker.js');
