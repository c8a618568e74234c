import { expectAccessible, open, submitLogin } from './support/app';
import { expect, test } from './support/test';
import { phoneCode, wrongCode } from './support/totp';

const BOB_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

test('the security log shows a sign-in with a code and the wrong code before it, with the browser (LOG-1)', async ({
  page,
}) => {
  await open(page, '/account');
  await submitLogin(page, 'bob@example.com');
  const code = page.getByLabel('6-digit dynamic security code');
  await code.pressSequentially(wrongCode(BOB_SECRET));
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^That code is not right, or it was just used\./)).toBeVisible();
  await code.clear();
  await code.pressSequentially(phoneCode(BOB_SECRET));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Account Management' })).toBeVisible();

  const log = page.locator('section', { has: page.getByRole('heading', { name: 'Security log' }) });
  const entries = log.getByRole('listitem');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Signed in with password and dynamic code');
  await expect(entries.nth(1)).toContainText('Wrong dynamic code entered');
  // The in-page mock names this browser, as a server would from its User-Agent.
  await expect(entries.nth(0)).toContainText(/Chrome \d+ on (Windows|Linux|macOS)/);
  await expect(log.getByText('1–2 of 2')).toBeVisible();
  await expectAccessible(page);

  await log.getByLabel('Show').selectOption({ label: 'MFA' });
  await expect(log.getByText('No events of this kind.')).toBeVisible();
});
