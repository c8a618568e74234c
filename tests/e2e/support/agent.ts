import { expect, type Page } from '@playwright/test';
import { logIn, open } from './app';
import { phoneCode } from './totp';

/** The demo agent's published secret (README, TICKET-11). */
export const SUPPORT_SECRET = 'I5KUCTSDIUWVGVKQKBHVEVBNIRCU2TZB';

/** Customer service logs in like any account with MFA: password, then a code from oathtool. */
export async function logInAsAgent(page: Page): Promise<void> {
  await logIn(page, 'support@example.com');
  await expect(page.getByRole('heading', { name: 'Enter your dynamic code' })).toBeVisible();
  await page
    .getByLabel('6-digit dynamic security code')
    .pressSequentially(phoneCode(SUPPORT_SECRET));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Customer Service' })).toBeVisible();
}

/** MOCK-8: moves the demo server's clock, as the dev tools allow, to reach a later TOTP step. */
export async function setServerClockOffset(page: Page, seconds: number): Promise<void> {
  const tab = await page.context().newPage();
  await open(tab, '/dev');
  await tab.getByLabel('Server clock offset (s)').fill(String(seconds));
  await tab.getByRole('button', { name: 'Save' }).click();
  await expect(tab.getByText('Saved.')).toBeVisible();
  await tab.close();
}
