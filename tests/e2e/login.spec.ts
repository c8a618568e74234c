import { logInAsAgent } from './support/agent';
import { askTheApi } from './support/api';
import { expectAccessible, logIn, logOut, open, submitLogin, useDarkTheme } from './support/app';
import { readLatestEmail } from './support/mailbox';
import { expect, test } from './support/test';

test.describe('logging in and out as each demo account', () => {
  test('owner reaches both workspaces, the members list, and keeps the login across a reload', async ({
    page,
  }) => {
    await logIn(page, 'owner@example.com');
    await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Members' }).click();
    await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
    await expect(page.getByRole('row', { name: /bob@example\.com .* Bound/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /alice@example\.com .* Not Bound/ })).toBeVisible();
    await expectAccessible(page);

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();

    await page.getByRole('button', { name: /Switch workspace/ }).click();
    await page.getByRole('button', { name: 'Secure Workspace' }).click();
    // The owner has not bound MFA, and Secure Workspace enforces it: the wizard comes first.
    await expect(
      page.getByRole('heading', { name: 'Bind MFA to enter Secure Workspace' }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/login\?returnTo=%2Fw%2Fws_secure$/);
    await page.getByRole('button', { name: 'Cancel binding' }).click();
    await expect(page.getByRole('heading', { name: 'Log in to Guance' })).toBeVisible();
    await expect(page.getByText(/^Binding cancelled: Secure Workspace requires MFA/)).toBeVisible();

    // The next login lands in the workspace the owner may enter.
    await submitLogin(page, 'owner@example.com');
    await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();

    await logOut(page, 'Olivia Owner');
    await open(page, '/account');
    await expect(page).toHaveURL(/\/login\?returnTo=%2Faccount$/);
  });

  test('alice reaches her workspace and Account Management, not the members list', async ({
    page,
  }) => {
    await logIn(page, 'alice@example.com');
    await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Members' })).toHaveCount(0);

    await page.getByRole('button', { name: /^Account menu Alice Chen/ }).click();
    await page.getByRole('link', { name: 'Account Management' }).click();
    await expect(page.getByRole('heading', { name: 'Account Management' })).toBeVisible();
    await expect(page.getByText('MFA Authentication')).toBeVisible();
    await expect(page.getByText('Not Bound')).toBeVisible();
    await expectAccessible(page);

    await open(page, '/w/ws_demo/members');
    await expect(page.getByRole('alert')).toContainText('You do not have permission');

    await page.getByRole('button', { name: 'Help' }).click();
    await page.getByRole('link', { name: 'Ticket Management' }).click();
    await expect(page.getByRole('heading', { name: 'Ticket Management' })).toBeVisible();
    await expectAccessible(page);

    await logOut(page, 'Alice Chen');
  });

  test('support owes a code like any bound account, then lands on the console with no workspace (TICKET-11)', async ({
    page,
  }) => {
    await logInAsAgent(page);
    await expect(page.getByRole('button', { name: /Switch workspace/ })).toHaveCount(0);
    await expectAccessible(page);
    await open(page, '/w/ws_demo');
    await expect(page.getByRole('heading', { name: 'Customer Service' })).toBeVisible();
    await logOut(page, 'Guance Support');
  });

  test('bob owes his code and reaches nothing behind it', async ({ page }) => {
    await open(page, '/account');
    await submitLogin(page, 'bob@example.com');
    await expect(page.getByText('bob@example.com')).toBeVisible();
    await expect(page).toHaveURL(/\/login\?returnTo=%2Faccount$/);
    await expectAccessible(page);

    await open(page, '/w/ws_demo');
    await expect(page).toHaveURL(/\/login\?returnTo=%2Fw%2Fws_demo$/);
    await expect(page.getByRole('heading', { name: /Welcome/ })).toHaveCount(0);

    expect((await askTheApi(page, '/api/v1/account')).status).toBe(403);

    await page.getByRole('button', { name: 'Back to login' }).click();
    await expect(page.getByRole('heading', { name: 'Log in to Guance' })).toBeVisible();
  });

  test('carol owes an MFA binding before Secure Workspace', async ({ page }) => {
    await logIn(page, 'carol@example.com');
    await expect(
      page.getByRole('heading', { name: 'Bind MFA to enter Secure Workspace' }),
    ).toBeVisible();
    await open(page, '/w/ws_secure');
    await expect(page).toHaveURL(/\/login\?returnTo=/);
    const { body } = await askTheApi(page, '/api/v1/workspaces/ws_secure');
    expect(body?.error?.code).toBe('MFA_SETUP_REQUIRED');
  });
});

test('five wrong passwords lock the login and say until when; the mailbox in another tab has the notice', async ({
  page,
  context,
}) => {
  await open(page, '/login');
  for (let attempt = 1; attempt <= 5; attempt++) {
    await submitLogin(page, 'alice@example.com', `wrong-${attempt}`);
    await expect(page.getByRole('alert')).toBeVisible();
    if (attempt < 5) await expect(page.getByRole('button', { name: 'Log in' })).toBeEnabled();
  }
  await expect(page.getByRole('alert')).toContainText(/Try again after \d{1,2}:\d{2}/);
  await expect(page.getByRole('button', { name: 'Log in' })).toBeDisabled();
  await expect(
    page.getByRole('alert').getByRole('link', { name: 'Forgot password?' }),
  ).toBeVisible();
  await expectAccessible(page);
  // The lock is alice's (GUARD-4): another email may log in from this tab.
  await page.getByLabel('Email').fill('owner@example.com');
  await expect(page.getByRole('button', { name: 'Log in' })).toBeEnabled();
  await page.getByLabel('Email').fill('alice@example.com');
  await expect(page.getByRole('button', { name: 'Log in' })).toBeDisabled();

  const mailbox = await context.newPage();
  await open(mailbox, '/dev/mailbox');
  await expect(
    mailbox.getByRole('heading', { name: 'Sign-in locked after failed attempts' }),
  ).toBeVisible();
  await expect(mailbox.getByText('alice@example.com')).toBeVisible();
  await expectAccessible(mailbox);
});

test('each screen passes axe in the dark theme too, and at phone width', async ({ page }) => {
  await useDarkTheme(page);
  await page.setViewportSize({ width: 375, height: 740 });
  await open(page, '/login');
  await expectAccessible(page);
  await submitLogin(page, 'owner@example.com');
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Open navigation' }).click();
  await expect(page.getByRole('link', { name: 'Members' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
  await expectAccessible(page);
  await open(page, '/dev');
  await expectAccessible(page);
});

test('the language is switchable and remembered', async ({ page }) => {
  await open(page, '/login');
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '登录 Guance' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: '登录 Guance' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('a reset code asked for from the Chinese console is emailed in Chinese, then in English once switched back (issue 23)', async ({
  page,
  context,
}) => {
  await open(page, '/password-reset');
  await page.getByLabel('Language').selectOption('zh-CN');
  await page.getByLabel('邮箱').fill('alice@example.com');
  await page.getByRole('button', { name: '发送验证码' }).click();
  expect(await readLatestEmail(context, 'alice@example.com', '重置密码的验证码')).toMatch(
    /^您的验证码是 \d{6}。/,
  );

  await open(page, '/password-reset');
  await page.getByLabel('语言').selectOption('en');
  await page.getByLabel('Email').fill('bob@example.com');
  await page.getByRole('button', { name: 'Send verification code' }).click();
  expect(
    await readLatestEmail(
      context,
      'bob@example.com',
      'Your verification code for resetting your password',
    ),
  ).toMatch(/^Your verification code is \d{6}\./);
});

test('a crafted returnTo link lands on the home page after login, every time (GUARD-3)', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  for (const returnTo of [
    '%2F%09%2Fevil.example',
    '%2F%5Cevil.example',
    '%2F%250A%2Fevil.example',
  ]) {
    await open(page, `/login?returnTo=${returnTo}`);
    await submitLogin(page, 'alice@example.com');
    await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
    await expect(page).toHaveURL(/\/w\/ws_demo$/);
    await logOut(page, 'Alice Chen');
  }
  expect(errors).toEqual([]);
});
