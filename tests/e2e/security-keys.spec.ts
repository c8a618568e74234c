import type { Page } from '@playwright/test';
import { setServerClockOffset } from './support/agent';
import { expectAccessible, logIn, logOut, open } from './support/app';
import { enterCode } from './support/bind-wizard';
import { addSecurityKey, attachVirtualKey, keysRow } from './support/security-keys';
import { expect, test } from './support/test';
import { phoneCode } from './support/totp';

const BOB = 'bob@example.com';
const BOB_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const STEP_SECONDS = 30;

/** A step verifies once per account: the server's clock moves on, and the phone shows that step. */
async function bobCodeAtStep(page: Page, steps: number): Promise<string> {
  await setServerClockOffset(page, steps * STEP_SECONDS);
  return phoneCode(BOB_SECRET, steps);
}

test('a security key: add it, log in with it, log in with a code instead, remove it', async ({
  page,
}) => {
  test.slow();
  await attachVirtualKey(page);
  await logIn(page, BOB);
  // No key yet: the code step asks for the dynamic code, as before.
  await enterCode(page, '6-digit dynamic security code', phoneCode(BOB_SECRET));
  await open(page, '/account');
  await expect(keysRow(page)).toContainText('No security keys yet.');

  // KEY-1: added by name, with a fresh dynamic code; the browser's prompt is the virtual key.
  await addSecurityKey(page, 'Desk key', await bobCodeAtStep(page, 1));
  await expect(keysRow(page)).toContainText('not used yet');
  await expectAccessible(page);

  // KEY-2: the next login offers the key first, and the key alone passes the code step.
  await logOut(page, 'Bob');
  await logIn(page, BOB);
  await expect(page.getByRole('heading', { name: 'Use your security key' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Use a security key' }).click();
  await expect(page.getByRole('heading', { name: 'Use your security key' })).toBeHidden();
  await open(page, '/account');
  await expect(keysRow(page)).toContainText('last used');

  // The dynamic code stays one click away.
  await logOut(page, 'Bob');
  await logIn(page, BOB);
  await page.getByRole('button', { name: 'Use a dynamic code instead' }).click();
  await enterCode(page, '6-digit dynamic security code', await bobCodeAtStep(page, 2));
  await expect(page.getByRole('heading', { name: 'Enter your dynamic code' })).toBeHidden();

  // KEY-1: removing asks for a second factor; the key answers it.
  await open(page, '/account');
  await keysRow(page).getByRole('button', { name: 'Remove Desk key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Desk key' });
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Use a security key' }).click();
  await expect(dialog).toBeHidden();
  await expect(keysRow(page)).toContainText('No security keys yet.');

  // The security log says what happened, in words.
  await expect(page.getByText('Security key "Desk key" removed')).toBeVisible();
  await expect(page.getByText('Signed in with a security key')).toBeVisible();
});
