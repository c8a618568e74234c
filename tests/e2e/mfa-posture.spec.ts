import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { BOB_RECOVERY_CODES } from '@/backend/seed';
import { DEMO_PASSWORD, expectAccessible, logIn, open } from './support/app';
import { expect, test } from './support/test';

const MEMBERS_PATH = '/w/ws_demo/members';
/** Recovery codes bob spends so that 2 of his 10 are left. */
const CODES_TO_SPEND = BOB_RECOVERY_CODES.length - 2;

/**
 * Set-up, not the subject: bob signs in `count` times, each in a new tab and
 * with the next of his recovery codes, as a person without a phone would.
 */
async function bobSpendsRecoveryCodes(context: BrowserContext, count: number): Promise<void> {
  for (const recoveryCode of BOB_RECOVERY_CODES.slice(0, count)) {
    const bob = await context.newPage();
    await logIn(bob, 'bob@example.com');
    await bob.getByRole('button', { name: 'Use a recovery code' }).click();
    await bob.getByLabel('Recovery code').fill(recoveryCode);
    await bob.getByRole('button', { name: 'Confirm' }).click();
    await expect(bob.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
    await bob.close();
  }
}

/** The posture card: the section its heading names. */
function postureCard(page: Page, title: string) {
  return page.locator('section').filter({ has: page.getByRole('heading', { name: title }) });
}

/** A stat of the posture card: its value under its label. */
function stat(page: Page, label: string) {
  return page.getByRole('definition').filter({
    has: page.locator(`xpath=preceding-sibling::dt[normalize-space()="${label}"]`),
  });
}

test("the Owner reads the workspace's MFA posture and exports it; a member may not (POSTURE-1)", async ({
  page: owner,
  context,
}) => {
  test.slow();
  await bobSpendsRecoveryCodes(context, CODES_TO_SPEND);

  await logIn(owner, 'owner@example.com');
  await open(owner, MEMBERS_PATH);
  const card = postureCard(owner, 'MFA posture');
  await expect(card).toBeVisible();
  await expect(stat(owner, 'Bound')).toHaveText('1');
  await expect(stat(owner, 'Not bound')).toHaveText('2');
  await expect(stat(owner, '2 or fewer recovery codes')).toHaveText('1');
  const few = card.getByRole('region', { name: 'Few recovery codes left' });
  await expect(few.getByRole('listitem')).toHaveCount(1);
  await expect(few.getByRole('listitem')).toContainText('bob@example.com');
  await expect(few.getByRole('listitem')).toContainText('2 left');
  const unbound = card.getByRole('region', { name: 'Still unbound' });
  await expect(unbound.getByRole('listitem')).toHaveCount(2);
  await expectAccessible(owner);

  const [download] = await Promise.all([
    owner.waitForEvent('download'),
    card.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^mfa-posture-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8')).toContain('bob@example.com,Standard member,Bound,2,Yes,');

  // The API answers the Owner only, whatever a member's browser asks.
  const alice = await context.newPage();
  await logIn(alice, 'alice@example.com');
  const status = await alice.evaluate(
    async (path) => (await fetch(path, { credentials: 'include' })).status,
    '/api/v1/workspaces/ws_demo/mfa-posture',
  );
  expect(status).toBe(403);
});

test.describe('on a 375 px phone, in Chinese', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('the posture fits the screen and reads in Chinese (POSTURE-1)', async ({ page }) => {
    await open(page, '/login');
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByLabel('邮箱').fill('owner@example.com');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('heading', { name: '登录 Guance' })).toBeHidden();
    await open(page, MEMBERS_PATH);

    const card = postureCard(page, 'MFA 安全状况');
    await expect(card).toBeVisible();
    await expect(stat(page, '未绑定')).toHaveText('2');
    await expect(card.getByRole('region', { name: '尚未绑定' })).toContainText('alice@example.com');
    await expect(card.getByRole('button', { name: '导出 CSV' })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await expectAccessible(page);
  });
});
