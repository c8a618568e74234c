import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { useRecoveryNotice } from '@/features/auth/recovery-notice-store';
import { useSessionEnd } from '@/features/auth/session-end';
import { loadCatalogue } from '@/lib/i18n/i18n';
import { usePreferences } from '@/lib/preferences';
import { mockApi, resetMockApi } from './support/mock-api';

export const mswServer = setupServer();

// The mock answers at once; this only absorbs a busy machine's first lazy route
// load and password hash, on two cores shared with the browser suite.
configure({ asyncUtilTimeout: 8_000 });

// The app loads English past the login page's words after its first paint; screens under test need them all.
beforeAll(() => loadCatalogue('en'));

beforeAll(() => {
  mswServer.listen({ onUnhandledRequest: 'error' });
  // jsdom has no matchMedia and no modal dialogs; these stand-ins behave like a light-theme browser.
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

beforeEach(() => {
  resetMockApi();
  mswServer.resetHandlers(...mockApi().handlers);
  localStorage.clear();
  sessionStorage.clear();
  usePreferences.setState({ language: 'en', theme: 'system' });
  useRecoveryNotice.setState({ left: null });
  useSessionEnd.setState({ reason: null, destination: null, bindCancelledFor: null });
  // HOUSE rule 10: an error logged during a test fails it.
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error: ${args.map(String).join(' ')}`);
  });
});

afterEach(() => {
  cleanup();
});

afterAll(() => {
  mswServer.close();
});
