import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { BOB_RECOVERY_CODES } from '@/backend/seed';
import { setServerClockOffset } from './agent';
import { askTheApi } from './api';
import { expectAccessible, logIn, logOut, open } from './app';
import { enterCode } from './bind-wizard';
import { addSecurityKey, attachVirtualKey } from './security-keys';
import { phoneCode } from './totp';

export const MEMBERS_PATH = '/w/ws_demo/members';

/**
 * Set-up, not the subject: bob signs in once per recovery code but the last
 * two, each time in a page `newPage` gives (a new tab in the mock, a new browser
 * on the server), as a person without a phone would. 2 of his 10 are left.
 */
export async function bobSpendsAllButTwoRecoveryCodes(newPage: () => Promise<Page>) {
  for (const recoveryCode of BOB_RECOVERY_CODES.slice(0, -2)) {
    const bob = await newPage();
    await logIn(bob, 'bob@example.com');
    await bob.getByRole('button', { name: 'Use a recovery code' }).click();
    await bob.getByLabel('Recovery code').fill(recoveryCode);
    await bob.getByRole('button', { name: 'Confirm' }).click();
    await expect(bob.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
    await bob.close();
  }
}

/**
 * Set-up, not the subject: bob signs in with his dynamic code, adds a key from
 * Chromium's virtual authenticator (KEY-1) with the next step's code, and logs out.
 */
export async function bobAddsAKey(page: Page) {
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  await attachVirtualKey(page);
  await logIn(page, 'bob@example.com');
  await enterCode(page, '6-digit dynamic security code', phoneCode(secret));
  await expect(page.getByRole('heading', { name: 'Enter your dynamic code' })).toBeHidden();
  await open(page, '/account');
  await setServerClockOffset(page, 30);
  await addSecurityKey(page, 'Desk key', phoneCode(secret, 1));
  await logOut(page, 'Bob');
}

/** The posture card: the section its heading names. */
export function postureCard(page: Page, title: string) {
  return page.locator('section').filter({ has: page.getByRole('heading', { name: title }) });
}

/** A figure of the posture card: its value under its label. */
export function figure(page: Page, label: string) {
  return page.getByRole('definition').filter({
    has: page.locator(`xpath=preceding-sibling::dt[normalize-space()="${label}"]`),
  });
}

/**
 * POSTURE-1 as the Owner of Demo Workspace sees it once bob is down to 2
 * recovery codes, and no one has a security key: the figures, the lists, axe,
 * and the CSV download.
 */
export async function expectOwnerSeesDemoPosture(owner: Page): Promise<void> {
  await logIn(owner, 'owner@example.com');
  await open(owner, MEMBERS_PATH);
  const card = postureCard(owner, 'MFA posture');
  await expect(card).toBeVisible();
  await expect(figure(owner, 'Bound')).toHaveText('1');
  await expect(figure(owner, 'Not bound')).toHaveText('2');
  await expect(figure(owner, '2 or fewer recovery codes')).toHaveText('1');
  await expect(figure(owner, 'With a security key')).toHaveText('0');
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
  const text = bytes.toString('utf8');
  expect(text.split('\r\n')[0]).toMatch(/,Bind by,Security key$/);
  expect(text).toContain('bob@example.com,Standard member,Bound,2,Yes,,No\r\n');
}

/** The API answers the Owner only, whatever a member's browser asks. */
export async function expectMemberRefused(alice: Page): Promise<void> {
  await logIn(alice, 'alice@example.com');
  expect((await askTheApi(alice, '/api/v1/workspaces/ws_demo/mfa-posture')).status).toBe(403);
}
