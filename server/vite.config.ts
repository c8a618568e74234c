import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The Node host's bundle (SERVER-1): server/main.ts and the backend it runs,
 * with the `@/` imports resolved; packages stay in node_modules.
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  // The SPA's public files belong to its builds, not to the server's bundle.
  publicDir: false,
  resolve: {
    alias: [{ find: '@', replacement: fileURLToPath(new URL('../src', import.meta.url)) }],
  },
  build: {
    ssr: 'server/main.ts',
    outDir: 'dist-server/node',
    target: 'node20',
    sourcemap: true,
    emptyOutDir: true,
  },
  ssr: { target: 'node' },
});
