/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { catalogueParts } from './scripts/vite/catalogue-parts.ts';
import { preloadFirstChunks } from './scripts/vite/preload-first-chunks.ts';

const src = fileURLToPath(new URL('./src', import.meta.url));

/** The browser's mock bundle gets a two-label stand-in for tldts (see the module). */
const browserMockAliases = [
  {
    find: /^tldts$/,
    replacement: fileURLToPath(
      new URL('./src/mocks/vendor/tldts-registrable-domain.ts', import.meta.url),
    ),
  },
];

/** Tests that need a PostgreSQL server: their project exists only when PG_TEST_URL names one. */
const POSTGRES_TESTS = [
  'tests/server/postgres-store.test.ts',
  'tests/server/two-processes.test.ts',
];

/** Console errors fail a test in every Node project (HOUSE rule 10). */
const NODE_SETUP = 'tests/support/node-setup.ts';

/** The API's tests, which run twice: through the handlers in-process, and against the server. */
const API_TESTS = ['tests/api/**/*.test.ts'];

export default defineConfig(({ mode }) => {
  const env = { ...loadEnv(mode, process.cwd()), ...process.env };
  const realBackend = Boolean(env.VITE_API_BASE_URL);
  // VITE_DEMO beside a base URL: the demo server's build (SERVER-6).
  const demoBuild = !realBackend || env.VITE_DEMO === 'true';
  return {
    // Constants, so a production build drops the mock and the dev tools whole.
    define: {
      'import.meta.env.MOCK_BACKEND': JSON.stringify(!realBackend),
      'import.meta.env.DEMO_BUILD': JSON.stringify(demoBuild),
    },
    plugins: [
      react(),
      catalogueParts(),
      // What src/main.tsx imports on every route, whatever the page.
      preloadFirstChunks(['src/app/app.tsx', 'src/lib/i18n/i18n.ts', 'src/api/client.ts']),
    ],
    resolve: {
      alias: [{ find: '@', replacement: src }, ...(mode === 'test' ? [] : browserMockAliases)],
    },
    server: { port: 5173, strictPort: true },
    preview: { port: 4173, strictPort: true },
    build: { target: 'es2022', sourcemap: false },
    test: {
      restoreMocks: true,
      // A ceiling for a busy 2-core machine, not a wait: the mock answers at once.
      testTimeout: 20_000,
      projects: [
        {
          // The rules (src/backend/domain) and the stores they run on.
          extends: true,
          test: {
            name: 'domain',
            environment: 'node',
            include: ['tests/domain/**/*.test.ts'],
            setupFiles: [NODE_SETUP],
          },
        },
        {
          // The HTTP API through the handlers, in-process over msw/node.
          extends: true,
          test: {
            name: 'api',
            environment: 'node',
            include: API_TESTS,
            setupFiles: [NODE_SETUP],
          },
        },
        {
          // SERVER-11: the same API contract tests over real HTTP against the
          // Node host on SQLite. api-dev.test.ts replaces the browser's stored
          // state, which a server never does; request-cost.test.ts meters the
          // memory store; docs-api-contract.test.ts and handler-routes.test.ts
          // read the handlers.
          extends: true,
          test: {
            name: 'api-on-server',
            environment: 'node',
            include: API_TESTS,
            exclude: [
              'tests/api/api-dev.test.ts',
              'tests/api/request-cost.test.ts',
              'tests/api/docs-api-contract.test.ts',
              'tests/api/handler-routes.test.ts',
            ],
            setupFiles: [NODE_SETUP],
            env: { API_HOST: 'server' },
          },
        },
        {
          // The browser host (IndexedDB, the in-page transport), the app's
          // logic without a DOM, the docs and catalogues against the code, and
          // the import graph (no cycles).
          extends: true,
          test: {
            name: 'mock-app-docs',
            environment: 'node',
            include: [
              'tests/mock/**/*.test.ts',
              'tests/app/**/*.test.ts',
              'tests/docs/**/*.test.ts',
              'tests/layout/**/*.test.ts',
            ],
            setupFiles: [NODE_SETUP],
          },
        },
        {
          // The Node host itself: configuration, HTTP hardening, SMTP, the process's life.
          extends: true,
          test: {
            name: 'server',
            environment: 'node',
            include: ['tests/server/**/*.test.ts'],
            exclude: POSTGRES_TESTS,
            setupFiles: [NODE_SETUP],
          },
        },
        // SERVER-7, SERVER-8: only where a PostgreSQL is (PG_TEST_URL, which .ci/run sets).
        ...(env.PG_TEST_URL
          ? [
              {
                extends: true as const,
                test: {
                  name: 'postgres',
                  environment: 'node' as const,
                  include: POSTGRES_TESTS,
                  setupFiles: [NODE_SETUP],
                },
              },
            ]
          : []),
        {
          extends: true,
          test: {
            name: 'component',
            environment: 'jsdom',
            include: ['tests/component/**/*.test.{ts,tsx}'],
            setupFiles: ['tests/component/setup.ts'],
          },
        },
      ],
    },
  };
});
