import { type BrowserContext, expect, type Page } from '@playwright/test';
import { expectAccessible } from './app';
import { readEmailCode } from './mailbox';
import { keepRecoveryCodes } from './recovery-codes';
import { phoneCode, scanQrCode, secretOf } from './totp';

/** Types a code key by key, as a person would, then confirms. */
export async function enterCode(page: Page, label: string, code: string): Promise<void> {
  await page.getByLabel(label).clear();
  await page.getByLabel(label).pressSequentially(code);
  await page.getByRole('button', { name: 'Confirm' }).click();
}

/**
 * Walks the bind wizard from its first step as a person with a phone would:
 * the email code from the mailbox, the secret from the QR code's pixels, the
 * code from oathtool. `serverAheadSteps`: how many TOTP steps the dev tools
 * moved the server's clock ahead, so the phone's code is for the server's now.
 * Returns the secret.
 */
export async function bindThroughWizard(
  page: Page,
  context: BrowserContext,
  email: string,
  serverAheadSteps = 0,
): Promise<string> {
  await expect(page.getByRole('heading', { name: 'Verify your identity' })).toBeVisible();
  await page.getByRole('button', { name: 'Get Verification Code' }).click();
  await expect(page.getByRole('button', { name: /Resend in \d+ s/ })).toBeDisabled();
  const emailCode = await readEmailCode(context, email, 'Your verification code for binding MFA');
  await enterCode(page, 'Email verification code', emailCode);
  await expect(
    page.getByRole('heading', { name: 'Scan the QR code with your authenticator app' }),
  ).toBeVisible();
  const secret = secretOf(await scanQrCode(page.getByRole('img', { name: /QR code/ })));
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Enter the dynamic code' })).toBeVisible();
  await enterCode(page, '6-digit dynamic security code', phoneCode(secret, serverAheadSteps));
  await keepRecoveryCodes(page);
  await expect(page.getByRole('heading', { name: 'MFA is bound' })).toBeVisible();
  return secret;
}

/**
 * RECOVERY-4's last two steps, once the old app or a recovery code proved the
 * user: the new app's secret read from the QR code's pixels, its code, and the
 * page that says the change is done. Returns the new secret.
 */
export async function bindNewAuthenticator(page: Page, serverAheadSteps = 0): Promise<string> {
  await expect(
    page.getByRole('heading', { name: 'Scan the QR code with your authenticator app' }),
  ).toBeFocused();
  const secret = secretOf(await scanQrCode(page.getByRole('img', { name: /QR code/ })));
  await page.getByRole('button', { name: 'Next' }).click();
  await enterCode(page, '6-digit dynamic security code', phoneCode(secret, serverAheadSteps));
  await expect(page.getByRole('heading', { name: 'Authenticator changed' })).toBeFocused();
  await expectAccessible(page);
  return secret;
}
