import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const EMPTY_APP_ROOT = fileURLToPath(new URL('./empty-app', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The floor: an empty React 19 + react-dom app, with the same Vite, plugin and target as the console. */
export async function buildEmptyApp(outDir) {
  await build({
    root: EMPTY_APP_ROOT,
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
}

/**
 * The console with its own vite.config.ts. `apiBaseUrl` makes the real-backend
 * build (no MSW, no dev tools); without it this is the mock (demo) build, as
 * `npm run build:mock` makes it. Vite reads VITE_* from the environment, so it
 * is set only for the duration of this build.
 */
export async function buildConsole({ outDir, apiBaseUrl }) {
  let output;
  const saved = process.env.VITE_API_BASE_URL;
  if (apiBaseUrl) process.env.VITE_API_BASE_URL = apiBaseUrl;
  else delete process.env.VITE_API_BASE_URL;
  try {
    output = await build({
      root: PROJECT_ROOT,
      mode: apiBaseUrl ? 'production' : 'demo',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (saved === undefined) delete process.env.VITE_API_BASE_URL;
    else process.env.VITE_API_BASE_URL = saved;
  }
  return sourcesByChunk(output);
}

/** An npm package by name, or a source folder of the app. */
function sourceOf(moduleId) {
  const inPackage = moduleId.split('node_modules/').at(-1);
  if (inPackage !== moduleId) {
    const parts = inPackage.split('/');
    return parts.slice(0, parts[0].startsWith('@') ? 2 : 1).join('/');
  }
  const inSrc = moduleId.replace(/^.*?\/src\//, 'src/');
  return inSrc === moduleId ? 'other' : inSrc.slice(0, inSrc.lastIndexOf('/'));
}

/**
 * What each chunk is made of: its sources (package or app folder) by share of
 * the chunk's code as rendered before minification. Evidence for a chunk that
 * is bigger than its page needs.
 */
function sourcesByChunk(output) {
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  const result = {};
  for (const chunk of chunks) {
    if (chunk.type !== 'chunk') continue;
    const bytes = new Map();
    for (const [id, info] of Object.entries(chunk.modules)) {
      bytes.set(sourceOf(id), (bytes.get(sourceOf(id)) ?? 0) + info.renderedLength);
    }
    const total = [...bytes.values()].reduce((sum, n) => sum + n, 0) || 1;
    result[`/${chunk.fileName}`] = [...bytes]
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([source, n]) => ({ source, share: Math.round((n / total) * 1000) / 1000 }));
  }
  return result;
}
