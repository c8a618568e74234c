import { gzipSync, constants } from 'node:zlib';
import { chromium } from '@playwright/test';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Debian's Chromium, headless, with nothing of its own on the network while we measure. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const DEMO_PASSWORD = 'Guance@2026';
export const LOGIN_HEADING = 'Log in to Guance';
/** Generous: nothing here waits on a network, only on a 2-core machine. */
export const STEP_TIMEOUT_MS = 30_000;

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Bytes after gzip at level 9: the size of a file as a well-configured host would send it. */
export function gzipBytes(buffer) {
  return gzipSync(buffer, { level: constants.Z_BEST_COMPRESSION }).length;
}

function isJavaScript(response) {
  const { pathname } = new URL(response.url());
  return /\.m?js$/.test(pathname) || /javascript/.test(response.headers()['content-type'] ?? '');
}

/**
 * Records every JavaScript file the browser downloads in a context, once per
 * URL. A response a service worker handed over is a copy of one already
 * counted (the demo has none since ADR 0038; another build might).
 */
export function collectJavaScript(context) {
  const downloads = new Map();
  context.on('response', (response) => {
    if (response.fromServiceWorker() || !isJavaScript(response)) return;
    // Read at once: a body is gone after the page navigates away. A failure surfaces in snapshot().
    if (!downloads.has(response.url())) {
      downloads.set(
        response.url(),
        response.body().catch((error) => error),
      );
    }
  });
  return {
    /** The files downloaded so far (those `wanted` names, if given), each with its gzip size, largest first. */
    async snapshot(wanted = () => true) {
      const entries = [...downloads].filter(([url]) => wanted(url));
      const files = await Promise.all(
        entries.map(async ([url, pending]) => {
          const body = await pending;
          if (body instanceof Error) throw new Error(`Could not read ${url}: ${body.message}`);
          return { file: new URL(url).pathname, gzipBytes: gzipBytes(body) };
        }),
      );
      files.sort((a, b) => b.gzipBytes - a.gzipBytes);
      return { gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0), files };
    },
    reset() {
      downloads.clear();
    },
  };
}

export async function waitForHeading(page, name) {
  await page.getByRole('heading', { name, exact: true }).waitFor({ timeout: STEP_TIMEOUT_MS });
}

/** The login form is drawn: its heading, both fields and the button. */
export async function waitForLoginForm(page) {
  await waitForHeading(page, LOGIN_HEADING);
  for (const control of [
    page.getByLabel('Email'),
    page.getByLabel('Password', { exact: true }),
    page.getByRole('button', { name: 'Log in', exact: true }),
  ]) {
    await control.waitFor({ timeout: STEP_TIMEOUT_MS });
  }
}

export async function fillLogin(page, email) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
}

/** Logs in from /login in this tab; the mock keeps the session in this tab's sessionStorage. */
export async function logIn(page, origin, email, landingHeading) {
  await page.goto(`${origin}/login`);
  await waitForLoginForm(page);
  await fillLogin(page, email);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await waitForHeading(page, landingHeading);
}
