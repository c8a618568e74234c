import { DEMO_PASSWORD, expectAccessible, open } from './support/app';
import { logInByKeyboard, tabTo } from './support/keyboard';
import { readEmailCode } from './support/mailbox';
import { expect, test } from './support/test';
import { phoneCode } from './support/totp';

/** QUAL-2 / SHELL-4: the main journeys, by keyboard alone. */
test('log in, bind MFA and cancel an unbind, by keyboard alone', async ({ page, context }) => {
  test.slow();
  await logInByKeyboard(page, 'alice@example.com');
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeFocused();

  // The account menu at the bottom left, to Account Management.
  await tabTo(page, page.getByRole('button', { name: /^Account menu Alice Chen/ }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: 'Account Management' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Account Management' })).toBeFocused();

  await tabTo(page, page.getByRole('link', { name: 'Bind' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Verify your identity' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Get Verification Code' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /Resend in/ })).toBeDisabled();
  const emailCode = await readEmailCode(
    context,
    'alice@example.com',
    'Your verification code for binding MFA',
  );
  await tabTo(page, page.getByLabel('Email verification code'));
  await page.keyboard.type(emailCode);
  await page.keyboard.press('Enter');

  await expect(
    page.getByRole('heading', { name: 'Scan the QR code with your authenticator app' }),
  ).toBeFocused();
  await tabTo(page, page.getByText("Can't scan the QR code?"));
  await page.keyboard.press('Enter');
  const secret = ((await page.getByLabel('Setup key').textContent()) ?? '').replaceAll(' ', '');
  await tabTo(page, page.getByRole('button', { name: 'Next' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Enter the dynamic code' })).toBeFocused();
  await tabTo(page, page.getByLabel('6-digit dynamic security code'));
  await page.keyboard.type(phoneCode(secret));
  await page.keyboard.press('Enter');
  // RECOVERY-1: the codes step, finished by keyboard: tick, then Finish.
  await expect(page.getByRole('heading', { name: 'Save your recovery codes' })).toBeFocused();
  await tabTo(page, page.getByRole('checkbox', { name: 'I have saved my recovery codes' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Finish' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'MFA is bound' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Return to Account Management' }));
  await page.keyboard.press('Enter');

  // A dialog traps focus, Escape closes it, and focus returns to the button that opened it.
  const unbind = page.getByRole('button', { name: 'Unbind' });
  await tabTo(page, unbind);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Unbind MFA' });
  await expect(dialog.getByLabel('6-digit dynamic security code')).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(unbind).toBeFocused();
});

test('the navigation drawer on a phone opens and works by keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await open(page, '/login');
  await page.getByLabel('Email').fill('owner@example.com');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Open navigation' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: 'Members' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Members' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Members' })).toBeHidden();
});

test('submit a ticket by keyboard alone', async ({ page }) => {
  await logInByKeyboard(page, 'alice@example.com');
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeFocused();

  await tabTo(page, page.getByRole('button', { name: 'Help' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: 'Ticket Management' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Ticket Management' })).toBeFocused();
  await tabTo(page, page.getByRole('link', { name: 'Submit Ticket' }).first());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Submit Ticket' })).toBeFocused();

  await tabTo(page, page.getByLabel('Type'));
  // End picks the last type, Others, which asks for nothing more.
  await page.getByLabel('Type').press('End');
  await expect(page.getByLabel('Type')).toHaveValue('other');
  await tabTo(page, page.getByLabel('Title'));
  await page.keyboard.type('Keyboard-only ticket');
  await tabTo(page, page.getByLabel('Description'));
  await page.keyboard.type('Filed without touching the mouse.');
  await tabTo(page, page.getByRole('button', { name: 'Submit' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Keyboard-only ticket' })).toBeVisible();
  await expectAccessible(page);
});
