import { setServerClockOffset } from './support/agent';
import { expectAccessible, logIn, logOut, submitLogin } from './support/app';
import { bindNewAuthenticator } from './support/bind-wizard';
import { keepRecoveryCodes } from './support/recovery-codes';
import { expect, test } from './support/test';
import { phoneCode } from './support/totp';

const BOB = 'bob@example.com';
const STEP_SECONDS = 30;

/**
 * Bob has lost his phone and kept his recovery codes (README: bob2a-demo1 ...).
 * He signs in with one and follows the banner to the end without a phone: a
 * recovery code proves him to Change authenticator (RECOVERY-4), his new app
 * is bound, and he leaves with a fresh set of recovery codes.
 */
test('a member without the phone follows the recovery banner to a new app and fresh codes', async ({
  page,
}) => {
  test.slow();
  await logIn(page, BOB);
  await page.getByRole('button', { name: 'Use a recovery code' }).click();
  await page.getByLabel('Recovery code').fill('bob2a-demo1');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
  const banner = page.getByRole('status').filter({ hasText: 'You signed in with a recovery code' });
  await expect(banner).toContainText('9 recovery codes are left.');
  await expectAccessible(page);

  // The banner's way for someone without the app: Change authenticator, with another recovery code.
  await banner.getByRole('link', { name: 'Change authenticator' }).click();
  await expect(page.getByRole('heading', { name: 'Prove it is you' })).toBeFocused();
  await page.getByRole('button', { name: 'Use a recovery code' }).click();
  await page.getByLabel('Recovery code').fill('bob2b-demo2');
  await page.getByRole('button', { name: 'Confirm' }).click();

  // The new app: its secret read from the QR code's pixels, its code from oathtool.
  const newSecret = await bindNewAuthenticator(page);

  // Then the new codes, with the new app's next code (the one just entered is spent).
  await page.getByRole('button', { name: 'Make new recovery codes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Make new recovery codes' });
  await setServerClockOffset(page, STEP_SECONDS);
  await dialog
    .getByLabel('6-digit dynamic security code')
    .pressSequentially(phoneCode(newSecret, 1));
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  const { codes } = await keepRecoveryCodes(page);
  expect(codes).toHaveLength(10);
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByText(/^New recovery codes/)).toBeVisible();
  await page.getByRole('button', { name: 'Return to Account Management' }).click();
  await expect(
    page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /^Recovery codes/ }) }),
  ).toContainText('10 left');

  // The fresh set is the one that works now; the old set does not.
  await logOut(page, 'Bob');
  await submitLogin(page, BOB);
  await page.getByRole('button', { name: 'Use a recovery code' }).click();
  await page.getByLabel('Recovery code').fill('bob2c-demo3');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('alert')).toContainText('That recovery code is not right');
  await page.getByLabel('Recovery code').fill(codes[0]!);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
});
