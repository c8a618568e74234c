import { expect, type Page } from '@playwright/test';

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
