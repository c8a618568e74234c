import { expect, type Page } from '@playwright/test';
import { setServerClockOffset } from './agent';
import { expectAccessible, logIn, logOut, open } from './app';
import { enterCode } from './bind-wizard';
import { phoneCode } from './totp';

const BOB = 'bob@example.com';
const BOB_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const STEP_SECONDS = 30;

/** A step verifies once per account: the server's clock moves on, and the phone shows that step. */
async function bobCodeAtStep(page: Page, steps: number): Promise<string> {
  await setServerClockOffset(page, steps * STEP_SECONDS);
  return phoneCode(BOB_SECRET, steps);
}

/**
 * KEY-5: Chromium's virtual authenticator, through the DevTools protocol's
 * WebAuthn domain: a CTAP2 key on USB that every navigator.credentials call
 * of this page answers, with nobody to touch it.
 */
export async function attachVirtualKey(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'usb',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
}

/** The Security keys row of Account Management. */
export function keysRow(page: Page) {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Security keys', exact: true }) });
}

/** KEY-1: adds a key by name, proved with `code`, and waits for it in the row. */
export async function addSecurityKey(page: Page, name: string, code: string): Promise<void> {
  await keysRow(page).getByRole('button', { name: 'Add a security key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a security key' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('6-digit dynamic security code').pressSequentially(code);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();
  await expect(keysRow(page).getByText(name, { exact: true })).toBeVisible();
}

/**
 * KEY-2, KEY-4: bob adds a key, and unbinds MFA with it; the dialog says first
 * that the key goes too, and the row then asks for a binding before keys.
 */
export async function unbindWithKeyJourney(page: Page): Promise<void> {
  await attachVirtualKey(page);
  await logIn(page, BOB);
  await enterCode(page, '6-digit dynamic security code', phoneCode(BOB_SECRET));
  await expect(page.getByRole('heading', { name: 'Enter your dynamic code' })).toBeHidden();
  await open(page, '/account');
  await addSecurityKey(page, 'Desk key', await bobCodeAtStep(page, 1));

  await page.getByRole('button', { name: 'Unbind', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Unbind MFA' });
  await expect(dialog).toContainText('Your security keys (1) will be removed too');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Use a security key' }).click();
  await expect(dialog).toBeHidden();
  await expect(keysRow(page)).toContainText('Bind an authenticator app first');
}

/**
 * KEY-5, the same on the mock and on the server: bob adds a key, logs in with
 * it (offered first), logs in with a code instead, and removes the key with it.
 */
export async function securityKeyJourney(page: Page): Promise<void> {
  await attachVirtualKey(page);
  await logIn(page, BOB);
  // No key yet: the code step asks for the dynamic code, as before.
  await enterCode(page, '6-digit dynamic security code', phoneCode(BOB_SECRET));
  await expect(page.getByRole('heading', { name: 'Enter your dynamic code' })).toBeHidden();
  await open(page, '/account');
  await expect(keysRow(page)).toContainText('No security keys yet.');

  // KEY-1: added by name, with a fresh dynamic code; the browser's prompt is the virtual key.
  await addSecurityKey(page, 'Desk key', await bobCodeAtStep(page, 1));
  await expect(keysRow(page)).toContainText('not used yet');
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'dark' });
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
}
