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
