import { setServerClockOffset } from './support/agent';
import { expectAccessible, logIn, logOut, open, submitLogin } from './support/app';
import { enterCode } from './support/bind-wizard';
import { readEmailCode, readLatestEmail } from './support/mailbox';
import { keepRecoveryCodes } from './support/recovery-codes';
import { expect, test } from './support/test';
import { phoneCode, scanQrCode, secretOf, wrongCode } from './support/totp';

const BOB_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

test('alice binds MFA from a scanned QR code, logs in with a fresh code, and unbinds', async ({
  page,
  context,
}) => {
  test.slow();
  await logIn(page, 'alice@example.com');
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
  await open(page, '/account');
  await page.getByRole('link', { name: 'Bind' }).click();

  // Step 1: the email code.
  await expect(page.getByRole('heading', { name: 'Verify your identity' })).toBeFocused();
  await expect(page.getByText('a***e@example.com', { exact: false })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Get Verification Code' }).click();
  await expect(page.getByRole('button', { name: /Resend in \d+ s/ })).toBeDisabled();
  await page.reload();
  await expect(page.getByRole('button', { name: /Resend in \d+ s/ })).toBeDisabled();
  const emailCode = await readEmailCode(
    context,
    'alice@example.com',
    'Your verification code for binding MFA',
  );
  await enterCode(page, 'Email verification code', emailCode);

  // Step 2: the QR code, read from pixels.
  await expect(
    page.getByRole('heading', { name: 'Scan the QR code with your authenticator app' }),
  ).toBeFocused();
  const qr = page.getByRole('img', { name: /QR code/ });
  const uri = await scanQrCode(qr);
  expect(uri).toMatch(/^otpauth:\/\/totp\/Guance:alice%40example\.com\?/);
  const params = new URL(uri).searchParams;
  expect(params.get('issuer')).toBe('Guance');
  expect(params.get('algorithm')).toBe('SHA1');
  expect(params.get('digits')).toBe('6');
  expect(params.get('period')).toBe('30');
  const secret = secretOf(uri);
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByText("Can't scan the QR code?").click();
  await expect(page.getByLabel('Setup key')).toHaveText(secret.match(/.{4}/g)!.join(' '));
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 3: the code from the phone.
  await expect(page.getByRole('heading', { name: 'Enter the dynamic code' })).toBeFocused();
  await expectAccessible(page);
  await enterCode(page, '6-digit dynamic security code', phoneCode(secret));
  const { codes } = await keepRecoveryCodes(page);
  expect(codes).toHaveLength(10);
  await expect(page.getByRole('heading', { name: 'MFA is bound' })).toBeVisible();
  await page.getByRole('button', { name: 'Return to Account Management' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'MFA Authentication' })).toContainText(
    'Bound',
  );
  await expect(page.getByRole('button', { name: 'Unbind' })).toBeVisible();
  expect(
    await readLatestEmail(context, 'alice@example.com', 'MFA was bound to your account'),
  ).toContain('bound');

  // The next login owes a code; the step that confirmed the binding is spent, so use the next one.
  await logOut(page, 'Alice Chen');
  await submitLogin(page, 'alice@example.com');
  await expect(page.getByRole('heading', { name: 'Enter your dynamic code' })).toBeVisible();
  await expectAccessible(page);
  await enterCode(page, '6-digit dynamic security code', phoneCode(secret, 1));
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();

  // Unbind with a code from a later step still, reached by moving the server's clock.
  await setServerClockOffset(page, 60);
  await open(page, '/account');
  await page.getByRole('button', { name: 'Unbind' }).click();
  const dialog = page.getByRole('dialog', { name: 'Unbind MFA' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel('6-digit dynamic security code').pressSequentially(phoneCode(secret, 2));
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('listitem').filter({ hasText: 'MFA Authentication' })).toContainText(
    'Not Bound',
  );
  expect(
    await readLatestEmail(context, 'alice@example.com', 'MFA was unbound from your account'),
  ).toContain('unbound');
});

test('bob logs in with a code computed from his published secret', async ({ page }) => {
  await open(page, '/account');
  await submitLogin(page, 'bob@example.com');
  await expect(page.getByRole('heading', { name: 'Enter your dynamic code' })).toBeVisible();
  await page.getByLabel('6-digit dynamic security code').pressSequentially(phoneCode(BOB_SECRET));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Account Management' })).toBeVisible();
  await expect(page).toHaveURL(/\/account$/);
});

test('five wrong codes lock bob out, and the page says to start the login again', async ({
  page,
}) => {
  await logIn(page, 'bob@example.com');
  await expect(page.getByRole('heading', { name: 'Enter your dynamic code' })).toBeVisible();
  const input = page.getByLabel('6-digit dynamic security code');
  for (let attempt = 1; attempt <= 4; attempt++) {
    await enterCode(page, '6-digit dynamic security code', wrongCode(BOB_SECRET));
    await expect(page.getByRole('alert')).toHaveText(/That code is not right/);
    await expect(input).toBeFocused();
  }
  await enterCode(page, '6-digit dynamic security code', wrongCode(BOB_SECRET));
  // The 15-minute lock outlasts the 10-minute login step: the page says to start again,
  // and no line on it promises a time that cannot come (CODE-4).
  await expect(page.getByRole('alert')).toHaveText(
    'Code entry is locked for longer than this login step lasts. Go back to the login and start again later.',
  );
  await expect(page.getByText(/must be completed by/)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Confirm' })).toBeDisabled();
  await expect(input).toBeDisabled();
  await expectAccessible(page);
});

test('a pasted code with a space submits by itself', async ({ page }) => {
  await logIn(page, 'bob@example.com');
  await page.getByLabel('6-digit dynamic security code').focus();
  const code = phoneCode(BOB_SECRET);
  // insertText delivers the whole string in one input event, as a paste or an autofill does.
  await page.keyboard.insertText(`${code.slice(0, 3)} ${code.slice(3)}`);
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
});
