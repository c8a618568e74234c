import { defineConfig, devices } from '@playwright/test';

/** E2E_PORT lets two checkouts run their suites side by side; the server takes the next port. */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const SERVER_PORT = PORT + 1;

/**
 * End-to-end journeys in Debian's Chromium: against the built mock app
 * (`npm run build`), and against the Node server in demo mode
 * (`npm run build:server`), SERVER-11.
 */
export default defineConfig({
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  // Sized for a busy 2-core machine (CI runs right after a session, on the same
  // machine). A journey that is long by nature says so with test.slow(), which
  // triples this; nothing waits on a fixed sleep or a TOTP boundary.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-sandbox',
      ],
    },
  },
  projects: [
    {
      name: 'mock',
      testDir: 'tests/e2e',
      use: { baseURL: `http://localhost:${PORT}` },
    },
    {
      // One server holds every test's state, so its tests run one at a time, each from the seed.
      name: 'server',
      testDir: 'tests/e2e-server',
      fullyParallel: false,
      workers: 1,
      use: { baseURL: `http://localhost:${SERVER_PORT}` },
    },
  ],
  webServer: [
    {
      command: `npx vite preview --port ${PORT} --strictPort`,
      url: `http://localhost:${PORT}/login`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // A fresh database each run.
      command: `DATA_DIR=$(mktemp -d) node dist-server/node/main.js`,
      url: `http://localhost:${SERVER_PORT}/healthz`,
      env: {
        PORT: String(SERVER_PORT),
        PUBLIC_ORIGIN: `http://localhost:${SERVER_PORT}`,
      },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
