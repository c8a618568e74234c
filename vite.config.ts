/// <reference types="vitest/config" />
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';

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

/** The mock's service worker and MSW's script inside it, which `public/` holds for the mock builds. */
const MOCK_WORKER_FILES = ['mock-service-worker.js', 'mockServiceWorker.js'];

/**
 * A build against a real backend carries no mock code (SPEC 1, 13): not even
 * the worker scripts that `public/` would copy into it.
 */
function withoutMockWorker(): Plugin {
  let outDir = '';
  return {
    name: 'without-mock-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await Promise.all(MOCK_WORKER_FILES.map((file) => rm(join(outDir, file), { force: true })));
    },
  };
}

export default defineConfig(({ mode }) => {
  const realBackend = Boolean(
    process.env.VITE_API_BASE_URL ?? loadEnv(mode, process.cwd()).VITE_API_BASE_URL,
  );
  return {
    plugins: [react(), ...(realBackend ? [withoutMockWorker()] : [])],
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
          extends: true,
          test: {
            name: 'unit',
            environment: 'node',
            include: ['tests/unit/**/*.test.ts'],
            setupFiles: ['tests/unit/setup.ts'],
          },
        },
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
