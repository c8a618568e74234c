import { execFileSync } from 'node:child_process';
import { fillLogin, logIn, STEP_TIMEOUT_MS, waitForHeading, waitForLoginForm } from './browser.mjs';

const BIND_EMAIL_SUBJECT = 'Your verification code for binding MFA';
const EMAIL_CODE_PATTERN = /\b(\d{6})\b/;

/**
 * Arms an in-page stopwatch: it starts in a capturing click listener on
 * `button` (before the app's own handler runs) and stops in a MutationObserver
 * callback when a heading named `heading` is in the document and visible.
 * Meanwhile it keeps the longest main-thread task Chromium reports (the Long
 * Tasks API reports every task over 50 ms; 0 means none was).
 * Returns a function that resolves to `{ elapsedMs, longestTaskMs }`.
 */
async function armStopwatch(button, heading) {
  await button.evaluate(
    (target, { name, timeoutMs }) => {
      let longestTaskMs = 0;
      let startedAt = null;
      const tasks = new PerformanceObserver((list) => {
        for (const task of list.getEntries()) {
          if (startedAt !== null && task.startTime + task.duration >= startedAt) {
            longestTaskMs = Math.max(longestTaskMs, task.duration);
          }
        }
      });
      tasks.observe({ type: 'longtask' });
      window.__benchStopwatch = new Promise((resolve, reject) => {
        const shown = () =>
          [...document.querySelectorAll('h1, h2, h3')].some(
            (element) => element.textContent?.trim() === name && element.checkVisibility(),
          );
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          const stoppedAt = performance.now();
          observer.disconnect();
          // Tasks are reported after they end: let the last one's entry arrive.
          setTimeout(() => {
            for (const task of tasks.takeRecords()) {
              if (task.startTime + task.duration >= startedAt) {
                longestTaskMs = Math.max(longestTaskMs, task.duration);
              }
            }
            tasks.disconnect();
            resolve({ elapsedMs: stoppedAt - startedAt, longestTaskMs });
          }, 100);
        });
        const start = (event) => {
          if (!target.contains(event.target)) return;
          startedAt = performance.now();
          window.removeEventListener('click', start, true);
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          setTimeout(() => reject(new Error(`"${name}" did not show`)), timeoutMs);
        };
        window.addEventListener('click', start, true);
      });
    },
    { name: heading, timeoutMs: STEP_TIMEOUT_MS },
  );
  return () => button.page().evaluate(() => window.__benchStopwatch);
}

/**
 * The mock's network conditions must be the defaults: the times are meant
 * without latency. The login form paints before the mock has started, so this
 * also waits until the mock answers: the timings start from a ready page.
 */
async function assertNoMockLatency(page) {
  const settings = await page.evaluate(async (timeoutMs) => {
    const giveUpAt = performance.now() + timeoutMs;
    for (;;) {
      // The mock answers in the page, through the mockFetch it sets once it has started (ADR 0038).
      const response = await window.mockFetch?.('/api/dev/status').catch(() => null);
      const body = await response?.json().catch(() => null);
      if (body?.settings) return body.settings;
      if (performance.now() > giveUpAt) throw new Error('The mock backend did not answer');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, STEP_TIMEOUT_MS);
  if (settings.latencyMs !== 0 || settings.errorRate !== 0 || settings.offline) {
    throw new Error(`Mock network conditions are not the defaults: ${JSON.stringify(settings)}`);
  }
}

/** The code a phone shows now, from oathtool: an implementation independent of the app's. */
function phoneCode(secret) {
  return execFileSync('oathtool', ['--totp', '-b', secret], { encoding: 'utf8' }).trim();
}

/** Reads the newest email code for `to` from /dev/mailbox in another tab; the mock's state is shared by tabs. */
async function readEmailCode(context, origin, to) {
  const tab = await context.newPage();
  await tab.goto(`${origin}/dev/mailbox`);
  const mail = tab
    .getByRole('article')
    .filter({ hasText: BIND_EMAIL_SUBJECT })
    .filter({ hasText: to })
    .first();
  const body = await mail.locator('p').last().textContent({ timeout: STEP_TIMEOUT_MS });
  await tab.close();
  const code = EMAIL_CODE_PATTERN.exec(body ?? '')?.[1];
  if (!code) throw new Error(`No code in the email: ${body}`);
  return code;
}

/** Typed key by key: a complete code arriving at once would submit the form by itself. */
async function typeCode(page, label, code) {
  await page.getByLabel(label).pressSequentially(code);
}

/**
 * SPEC 13: from pressing Confirm on a right code in the bind wizard's last step
 * to the Bound state (the recovery codes step it ends with), as alice, in a fresh browser context.
 */
export async function timeBindConfirm(browser, origin) {
  const email = 'alice@example.com';
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await logIn(page, origin, email, 'Welcome to Demo Workspace');
    await assertNoMockLatency(page);
    await page.goto(`${origin}/account`);
    await page.getByRole('link', { name: 'Bind', exact: true }).click();

    await waitForHeading(page, 'Verify your identity');
    await page.getByRole('button', { name: 'Get Verification Code' }).click();
    await page.getByRole('button', { name: /Resend in \d+ s/ }).waitFor();
    await typeCode(page, 'Email verification code', await readEmailCode(context, origin, email));
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();

    await waitForHeading(page, 'Scan the QR code with your authenticator app');
    await page.getByText("Can't scan the QR code?").click();
    const secret = (await page.getByLabel('Setup key').textContent())?.replace(/\s/g, '') ?? '';
    await page.getByRole('button', { name: 'Next', exact: true }).click();

    await waitForHeading(page, 'Enter the dynamic code');
    await typeCode(page, '6-digit dynamic security code', phoneCode(secret));
    const confirm = page.getByRole('button', { name: 'Confirm', exact: true });
    // RECOVERY-1: the binding is confirmed when the recovery codes it made are shown.
    const stopwatch = await armStopwatch(confirm, 'Save your recovery codes');
    await confirm.click();
    return (await stopwatch()).elapsedMs;
  } finally {
    await context.close();
  }
}

/**
 * SPEC 13: from pressing Log in (owner) to the workspace home's heading, in a
 * fresh context, with the longest main-thread task in between.
 */
export async function timeLoginToHome(browser, origin) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/login`);
    await waitForLoginForm(page);
    await assertNoMockLatency(page);
    await fillLogin(page, 'owner@example.com');
    const submit = page.getByRole('button', { name: 'Log in', exact: true });
    const stopwatch = await armStopwatch(submit, 'Welcome to Demo Workspace');
    await submit.click();
    return await stopwatch();
  } finally {
    await context.close();
  }
}
