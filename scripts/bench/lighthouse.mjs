import { startFlow } from 'lighthouse';
import mobileConfig from 'lighthouse/core/config/default-config.js';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, DEMO_PASSWORD, STEP_TIMEOUT_MS } from './browser.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const onlyOurCategories = (config) => ({
  ...config,
  settings: { ...config.settings, onlyCategories: CATEGORIES },
});
/**
 * Lighthouse's two presets, both with simulated throttling: desktop, and its
 * default, mobile (a mid-range phone on a slow 4G network, CPU slowed 4x).
 */
export const LIGHTHOUSE_PRESETS = {
  desktop: onlyOurCategories(desktopConfig),
  mobile: onlyOurCategories(mobileConfig),
};

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const byAria = (role, name) => `::-p-aria([role="${role}"][name="${name}"])`;

function scoresOf(lhr, expectedPath) {
  const { pathname } = new URL(lhr.finalDisplayedUrl);
  if (pathname !== expectedPath) {
    throw new Error(`Lighthouse audited ${lhr.finalDisplayedUrl}, not ${expectedPath}`);
  }
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(
    CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? NaN) * 100)]),
  );
  // The audits that cost points, so a missed target comes with its cause.
  const lost = CATEGORIES.flatMap((id) =>
    lhr.categories[id].auditRefs
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null)
      .filter((ref) => lhr.audits[ref.id].score < 1)
      .map((ref) => ({
        category: id,
        audit: ref.id,
        score: lhr.audits[ref.id].score,
        value: lhr.audits[ref.id].displayValue ?? null,
      })),
  );
  // Where the blocking time comes from, by script.
  const longTasks = (lhr.audits['long-tasks']?.details?.items ?? []).map((task) => ({
    file: URL.canParse(task.url) ? new URL(task.url).pathname : task.url,
    durationMs: Math.round(task.duration),
  }));
  return {
    lighthouseVersion: lhr.lighthouseVersion,
    finalUrl: lhr.finalDisplayedUrl,
    scores,
    largestContentfulPaintMs: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
    lost,
    longTasks,
    warnings: lhr.runWarnings,
  };
}

/**
 * One Lighthouse user flow in one tab of the system Chromium: a cold /login
 * (storage reset, as a first visit), then owner logs in in that same tab, and
 * Account Management is audited with storage kept, since the mock keeps the
 * session in this tab's sessionStorage. The HTTP cache is cleared first so
 * /account is a cold load too, like /login.
 */
async function runFlow(origin, config) {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const flow = await startFlow(page, { config, name: 'Guance MFA console bench' });

    await flow.navigate(`${origin}/login`, { name: 'login' });

    await page.locator(byAria('textbox', 'Email')).fill('owner@example.com');
    await page.locator(byAria('textbox', 'Password')).fill(DEMO_PASSWORD);
    await page.locator(byAria('button', 'Log in')).click();
    await page.locator(byAria('heading', 'Welcome to Demo Workspace')).wait();
    const cdp = await page.createCDPSession();
    await cdp.send('Network.clearBrowserCache');

    await flow.navigate(`${origin}/account`, { name: 'account', disableStorageReset: true });

    const [login, account] = (await flow.createFlowResult()).steps.map((step) => step.lhr);
    return { login: scoresOf(login, '/login'), account: scoresOf(account, '/account') };
  } finally {
    await browser.close();
  }
}

/**
 * Scores vary from run to run, the more so on a shared 2-core machine, so the
 * flow runs `count` times per preset (Lighthouse's own advice is a median of
 * several): each category's median score and the median LCP, each run's
 * figures, and the audits and long tasks of the run with the median
 * performance score.
 */
export async function runLighthouse(origin, count) {
  const results = {};
  for (const [preset, config] of Object.entries(LIGHTHOUSE_PRESETS)) {
    const flows = [];
    for (let run = 0; run < count; run += 1) flows.push(await runFlow(origin, config));
    const summarize = (page) => {
      const runs = flows.map((flow) => flow[page]);
      const byPerformance = [...runs].sort((a, b) => a.scores.performance - b.scores.performance);
      const middle = byPerformance[Math.floor(runs.length / 2)];
      const scores = Object.fromEntries(
        CATEGORIES.map((id) => [id, median(runs.map((result) => result.scores[id]))]),
      );
      return {
        ...middle,
        scores,
        largestContentfulPaintMs: median(runs.map((result) => result.largestContentfulPaintMs)),
        runs: runs.map((result) => ({ ...result.scores, lcpMs: result.largestContentfulPaintMs })),
      };
    };
    results[preset] = { login: summarize('login'), account: summarize('account') };
  }
  return results;
}
