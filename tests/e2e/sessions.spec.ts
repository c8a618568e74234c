import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, logIn, logOut, open, submitLogin } from './support/app';
import { bindThroughWizard } from './support/bind-wizard';
import { tabTo } from './support/keyboard';
import { readEmailCode } from './support/mailbox';
import { expect, test } from './support/test';

const NEW_PASSWORD = 'Observability-2027';

/** Goes to Account Management the way a person does, so the console asks the server again. */
async function toAccountManagement(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^Account menu ${name}`) }).click();
  await page.getByRole('link', { name: 'Account Management' }).click();
}

function sessionsCard(page: Page) {
  return page.locator('section').filter({
    has: page.getByRole('heading', { name: 'Active sessions' }),
  });
}

test('two tabs are two sessions; Sign out all other sessions sends the other tab to the login (SESSION-1)', async ({
  page,
  context,
}) => {
  const other = await context.newPage();
  await logIn(other, 'alice@example.com');
  await expect(other.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
  await logIn(page, 'alice@example.com');
  await open(page, '/account');

  const card = sessionsCard(page);
  await expect(card.getByRole('listitem')).toHaveCount(2);
  await expect(card.getByText('This session')).toHaveCount(1);
  // This session first, though the other tab signed in earlier; the mock has no addresses.
  await expect(card.getByRole('listitem').first()).toContainText('This session');
  await expect(card.getByRole('listitem').first()).toContainText('In this browser');
  await expect(card.getByRole('heading', { name: /^Chrome \d+ on / })).toHaveCount(2);
  await expectAccessible(page);

  // Keyboard only: the button, the dialog, its confirm.
  await tabTo(page, card.getByRole('button', { name: 'Sign out all other sessions' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Sign out all other sessions?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await tabTo(page, dialog.getByRole('button', { name: 'Sign out all other sessions' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Other sessions were signed out.')).toBeVisible();
  await expect(card.getByRole('listitem')).toHaveCount(1);

  await toAccountManagement(other, 'Alice Chen');
  await expect(other.getByRole('heading', { name: 'Log in to Guance' })).toBeVisible();
  // It says why: not an expiry, but a sign-out from another session.
  await expect(
    other.getByText(
      'You were signed out from another session of your account. Log in again to continue.',
    ),
  ).toBeVisible();
  await expectAccessible(other);
});

test('binding MFA in one tab ends the session of the other, and this one goes on (SESSION-2)', async ({
  page,
  context,
}) => {
  test.slow();
  const other = await context.newPage();
  await logIn(other, 'alice@example.com');
  await logIn(page, 'alice@example.com');
  await open(page, '/account/mfa/bind');

  await bindThroughWizard(page, context, 'alice@example.com');
  await expect(page.getByText(/Other sessions were signed out\./)).toBeVisible();

  await toAccountManagement(other, 'Alice Chen');
  await expect(other.getByRole('heading', { name: 'Log in to Guance' })).toBeVisible();
  await page.getByRole('button', { name: 'Return to Account Management' }).click();
  await expect(sessionsCard(page).getByRole('listitem')).toHaveCount(1);
});

test('a password change by keyboard, then a login with the new password (PASSWORD-1)', async ({
  page,
}) => {
  await logIn(page, 'alice@example.com');
  await open(page, '/account');

  await tabTo(page, page.getByRole('button', { name: 'Change password' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Change password' });
  await expect(dialog.getByLabel('Current password')).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await tabTo(page, dialog.getByLabel('New password', { exact: true }));
  await page.keyboard.type(NEW_PASSWORD);
  await tabTo(page, dialog.getByLabel('New password again'));
  await page.keyboard.type(NEW_PASSWORD);
  await expectAccessible(page);
  await page.keyboard.press('Enter');
  await expect(
    page.getByText('Your password was changed. Other sessions were signed out.'),
  ).toBeVisible();

  await logOut(page, 'Alice Chen');
  await submitLogin(page, 'alice@example.com');
  await expect(page.getByRole('alert')).toHaveText('Incorrect email or password.');
  await submitLogin(page, 'alice@example.com', NEW_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
});

test('a reset by email code that still asks for the dynamic code (PASSWORD-2)', async ({
  page,
  context,
}) => {
  await open(page, '/login');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Email').fill('bob@example.com');
  await page.getByRole('button', { name: 'Send verification code' }).click();
  await expect(page.getByText(/^If an account uses bob@example.com/)).toBeVisible();

  const code = await readEmailCode(
    context,
    'bob@example.com',
    'Your verification code for resetting your password',
  );
  await page.getByLabel('Email verification code').pressSequentially(code);
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('New password again').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByRole('heading', { name: 'Password reset' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Go to login' }).click();
  await expect(page.getByRole('heading', { name: 'Log in to Guance' })).toBeVisible();
  await submitLogin(page, 'bob@example.com', NEW_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Enter your dynamic code' })).toBeVisible();
});

test('the reset page and the new Security Settings speak Chinese too, in dark mode', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page, '/password-reset');
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '重置密码' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: '返回登录' }).click();
  // The reset page has an email field too: type only once the login form has replaced it.
  await expect(page.getByRole('heading', { name: '登录 Guance' })).toBeVisible();
  await page.getByLabel('邮箱').fill('alice@example.com');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await expect(page).not.toHaveURL(/\/login/);
  await open(page, '/account');
  await expect(page.getByRole('heading', { name: '活跃会话' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '登录保持时间' })).toBeVisible();
  await expectAccessible(page);
});
