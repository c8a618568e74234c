import type { BrowserContext, Page } from '@playwright/test';
import { expectAccessible, logIn, open, submitLogin } from './support/app';
import { bindThroughWizard } from './support/bind-wizard';
import { expect, test } from './support/test';

/** MOCK-8: the dev tools' network switches, set in another tab as a tester would. */
async function setNetwork(page: Page, settings: { offline?: boolean; errorRate?: number }) {
  const tab = await page.context().newPage();
  await open(tab, '/dev');
  if (settings.errorRate !== undefined)
    await tab.getByLabel('Error rate (%)').fill(String(settings.errorRate));
  const offline = tab.getByLabel('Offline');
  if (settings.offline !== undefined && (await offline.isChecked()) !== settings.offline)
    await offline.click();
  await tab.getByRole('button', { name: 'Save' }).click();
  await expect(tab.getByText('Saved.')).toBeVisible();
  await tab.close();
}

test('offline, a screen says so in words and recovers with a retry (QUAL-1)', async ({ page }) => {
  test.slow();
  await logIn(page, 'owner@example.com');
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
  await setNetwork(page, { offline: true });
  await open(page, '/w/ws_demo/members').catch(() => undefined);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    'Cannot reach the server. Check your connection and try again.',
  );
  await expectAccessible(page);
  await setNetwork(page, { offline: false });
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
});

test('a failed login keeps what was typed, and the next try goes through', async ({ page }) => {
  await open(page, '/login');
  await setNetwork(page, { offline: true });
  await page.getByLabel('Email').fill('alice@example.com');
  await page.getByLabel('Password', { exact: true }).fill('Guance@2026');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toContainText('Cannot reach the server');
  await expect(page.getByLabel('Email')).toHaveValue('alice@example.com');
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('Guance@2026');
  await setNetwork(page, { offline: false });
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
});

/** Longer than the session query's retries with their backoff (1 s, then 2 s). */
const SESSION_RETRIES_MS = 10_000;

test('a login page opened offline keeps its form when the first requests fail (QUAL-1)', async ({
  page,
}) => {
  await setNetwork(page, { offline: true });
  // The page's clock is driven, so the session request's retries run out without waiting.
  await page.clock.install();
  await page.goto('/login');
  await page.getByLabel('Email').fill('alice@example.com');
  await page.getByLabel('Password', { exact: true }).fill('Guance@2026');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toContainText('Cannot reach the server');
  await page.clock.runFor(SESSION_RETRIES_MS);
  await expect(page.getByText('This could not be loaded.')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Log in to Guance' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('alice@example.com');
  await expectAccessible(page);
  await setNetwork(page, { offline: false });
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
});

test('another tab catches up when it comes back into view (two tabs)', async ({
  page,
  context,
}) => {
  const other = await context.newPage();
  await logIn(other, 'alice@example.com');
  await open(other, '/account');
  await expect(other.getByRole('listitem').filter({ hasText: 'MFA Authentication' })).toContainText(
    'Not Bound',
  );

  await logIn(page, 'alice@example.com');
  await open(page, '/account/mfa/bind');
  await bindThroughWizard(page, context, 'alice@example.com');

  // The bind ended the other tab's session (SESSION-2): coming back, it learns so.
  await other.bringToFront();
  await other.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
  await expect(other.getByRole('heading', { name: 'Log in to Guance' })).toBeVisible();
  await submitLogin(other, 'alice@example.com');
  await expect(other.getByRole('heading', { name: 'Enter your dynamic code' })).toBeVisible();
});

test('the console reads in Simplified Chinese with no English left on the page', async ({
  page,
}) => {
  test.slow();
  await open(page, '/login');
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '登录 Guance' })).toBeVisible();
  await page.getByLabel('邮箱').fill('owner@example.com');
  await page.getByLabel('密码', { exact: true }).fill('Guance@2026');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { name: '欢迎来到 Demo Workspace' })).toBeVisible();
  for (const path of [
    '/w/ws_demo',
    '/w/ws_demo/members',
    '/w/ws_demo/settings/security',
    '/account',
    '/tickets',
  ]) {
    await open(page, path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const text = await page.locator('body').innerText();
    // Names are data, not interface: workspace and people names, emails, brand and standards,
    // the browsers and systems the security log and the sessions list name (LOG-1, SESSION-1); Chinese consoles write "Bug" and
    // "CSV" as they are.
    const leftover = text
      .replace(/[\w.+-]+@[\w.-]+/g, '')
      .replace(
        /Demo Workspace|Secure Workspace|Olivia Owner|Alice Chen|Bob Li|Guance|English|MFA|TOTP|SHA1|RFC 6238|Bug|CSV|Chrome|Firefox|Safari|Edge|Opera|Windows|macOS|Linux|Android|iOS/g,
        '',
      )
      .match(/[A-Za-z]{3,}/g);
    expect(leftover, `English left on ${path}`).toBeNull();
  }
  await expectAccessible(page);
});

test('a login that ends in the middle of a form returns to it with what was typed (LOGIN-8)', async ({
  page,
  context,
}) => {
  await logIn(page, 'alice@example.com');
  await open(page, '/tickets/new');
  await page.getByLabel('Type').selectOption('bug_report');
  await page.getByLabel('Title').fill('Charts are empty after midnight');
  await page
    .getByLabel('Description')
    .fill('Since yesterday the dashboards show no data after 00:00 UTC.');

  // The server forgets every session (the dev tools' reset does that), as an expiry would.
  const dev = await context.newPage();
  await open(dev, '/dev');
  await dev.getByRole('button', { name: 'Reset demo data' }).click();
  await dev.getByRole('dialog').getByRole('button', { name: 'Reset demo data' }).click();
  await expect(dev.getByText('Demo data was reset.')).toBeVisible();

  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(
    page.getByText('Your session ended. Log in again to continue where you were.'),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/login\?returnTo=%2Ftickets%2Fnew$/);
  await submitLogin(page, 'alice@example.com');
  await expect(page.getByRole('heading', { name: 'Submit Ticket' })).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('Charts are empty after midnight');
  await expect(page.getByLabel('Description')).toHaveValue(
    'Since yesterday the dashboards show no data after 00:00 UTC.',
  );
  await expect(page.getByLabel('Type')).toHaveValue('bug_report');
});

/** Each document of the context counts its loads in sessionStorage, which a reload keeps. */
async function countLoads(context: BrowserContext): Promise<(tab: Page) => Promise<number>> {
  await context.addInitScript(() => {
    const loads = Number(sessionStorage.getItem('e2e:loads') ?? 0) + 1;
    sessionStorage.setItem('e2e:loads', String(loads));
  });
  return (tab) => tab.evaluate(() => Number(sessionStorage.getItem('e2e:loads')));
}

test('a hard reload, and a tab opened as the last one closes, are answered by the mock in the page, which never reloads them (ADR 0038)', async ({
  page,
  context,
}) => {
  const loadsOf = await countLoads(context);
  await logIn(page, 'alice@example.com');
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
  // A reload that bypasses every cache: the session in this tab is read again from the mock.
  const devtools = await context.newCDPSession(page);
  await devtools.send('Page.reload', { ignoreCache: true });
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
  expect(await loadsOf(page)).toBe(2);

  const next = await context.newPage();
  const opening = open(next, '/account');
  await page.close();
  await opening;
  // A new tab has no session: only the mock's answer sends it from Account Management to the login.
  await expect(next.getByRole('heading', { name: 'Log in to Guance' })).toBeVisible();
  await expect(next).toHaveURL(/\/login/);
  expect(await loadsOf(next)).toBe(1);
  expect(await next.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  expect(context.serviceWorkers()).toEqual([]);
});
