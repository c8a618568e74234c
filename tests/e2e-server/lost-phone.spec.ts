import { type Browser, expect, type Page, test } from '@playwright/test';
import { logInAsAgent, setServerClockOffset, SUPPORT_SECRET } from '../e2e/support/agent';
import { expectAccessible, logIn, open, submitLogin } from '../e2e/support/app';
import { bindThroughWizard } from '../e2e/support/bind-wizard';
import { readEmailCode } from '../e2e/support/mailbox';
import { phoneCode } from '../e2e/support/totp';

/**
 * SERVER-11: the journeys against the Node host, where state lives in the
 * server's database, not in a browser: two people are two browser contexts
 * (two browsers), and neither sees the other's cookie. The server is shared
 * by the tests of this project, which run one at a time, each from the seed.
 */
test.beforeEach(async ({ request }) => {
  expect((await request.post('/api/dev/reset')).status()).toBe(204);
});

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

async function personIn(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test('the session is an HttpOnly cookie the page cannot read, and survives a reload', async ({
  page,
}) => {
  await logIn(page, 'alice@example.com');
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
  expect(await page.evaluate(() => document.cookie)).toBe('');
  const [cookie] = await page.context().cookies();
  expect(cookie).toMatchObject({ name: 'gsid', httpOnly: true, sameSite: 'Lax' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
  await expectAccessible(page);
});

test('two browsers are two sessions, told apart by browser and address, this one first (SESSION-1)', async ({
  browser,
}) => {
  const phone = await browser.newContext({ userAgent: IPHONE_SAFARI });
  const onPhone = await phone.newPage();
  await logIn(onPhone, 'alice@example.com');
  await expect(onPhone.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
  const page = await personIn(browser);
  await logIn(page, 'alice@example.com');
  await open(page, '/account');

  const card = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Active sessions' }) });
  await expect(card.getByRole('listitem')).toHaveCount(2);
  // The server has an address: this machine's loopback, as no proxy is trusted.
  const loopback = /IP address (?:::1|(?:::ffff:)?127\.0\.0\.1)/;
  await expect(card.getByRole('listitem').first()).toContainText('This session');
  await expect(card.getByRole('listitem').first()).toContainText(loopback);
  await expect(card.getByRole('listitem').last()).toContainText('Safari 18 on iOS');
  await expect(card.getByRole('listitem').last()).toContainText(loopback);
  await expectAccessible(page);
});

test('bob loses his phone: he files the ticket in his browser, support unbinds in its own, bob binds again', async ({
  browser,
}) => {
  // Two people, two browsers, and the bind wizard at the end: a long journey, not a slow app.
  test.slow();
  const bob = await personIn(browser);
  const support = await personIn(browser);

  await logIn(bob, 'bob@example.com');
  await expect(bob.getByRole('heading', { name: 'Enter your dynamic code' })).toBeVisible();
  await bob.getByRole('link', { name: 'Unbind MFA' }).click();
  await expect(bob.getByLabel('Type')).toHaveValue('unbind_mfa');
  await bob.getByRole('button', { name: 'Get Verification Code' }).click();
  const emailCode = await readEmailCode(
    bob.context(),
    'bob@example.com',
    'Your verification code for an Unbind MFA ticket',
  );
  await bob.getByLabel('Title').fill('Lost my phone');
  await bob.getByLabel('Description').fill('My phone was stolen yesterday. Please unbind MFA.');
  await bob.getByLabel('Email verification code').pressSequentially(emailCode);
  await bob.getByRole('button', { name: 'Submit' }).click();
  await expect(bob.getByRole('heading', { name: 'Your ticket is submitted' })).toBeVisible();
  const number = (await bob.getByText(/^TK\d{6}$/).textContent()) ?? '';

  // Customer service, in a browser of its own: the ticket reached it through the server.
  await logInAsAgent(support);
  await expect(support.getByRole('row', { name: new RegExp(number) })).toBeVisible();
  await support.getByRole('link', { name: 'Lost my phone' }).click();
  await support.getByRole('button', { name: 'Accept ticket' }).click();
  await expect(support.getByText('You accepted the ticket.')).toBeVisible();
  await support.getByRole('button', { name: 'Unbind MFA' }).click();
  const dialog = support.getByRole('dialog', { name: 'Unbind MFA from this account?' });
  // The code that logged the agent in is spent (MOCK-3): a later step, on the server's clock.
  await setServerClockOffset(support, 60);
  await dialog
    .getByLabel('Your 6-digit dynamic security code')
    .pressSequentially(phoneCode(SUPPORT_SECRET, 2));
  await dialog.getByRole('button', { name: 'Unbind and reply' }).click();
  await expect(support.getByText('MFA was unbound from bob@example.com')).toBeVisible();
  await expectAccessible(support);

  // Bob, back in his own browser, logs in with his password alone and binds a new phone.
  await bob.getByRole('button', { name: 'Back to login' }).click();
  await submitLogin(bob, 'bob@example.com');
  await expect(bob.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
  await open(bob, '/account');
  const mfaRow = bob.getByRole('listitem').filter({ hasText: 'MFA Authentication' });
  await expect(mfaRow).toContainText('Not Bound');
  await mfaRow.getByRole('link', { name: 'Bind' }).click();
  await bindThroughWizard(bob, bob.context(), 'bob@example.com', 2);
  await bob.getByRole('button', { name: 'Return to Account Management' }).click();
  await expect(mfaRow.getByText('Bound', { exact: true })).toBeVisible();
  await expectAccessible(bob);

  // The agent's browser never held bob's session, nor bob's the agent's.
  const bobCookies = await bob.context().cookies();
  const supportCookies = await support.context().cookies();
  expect(bobCookies.map(({ value }) => value)).not.toEqual(
    supportCookies.map(({ value }) => value),
  );
});
