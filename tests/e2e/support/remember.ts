import { expect, type Page } from '@playwright/test';
import { expectAccessible, logIn, logOut, open } from './app';
import { tabTo } from './keyboard';
import { phoneCode } from './totp';

const BOB_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const CODE_LABEL = '6-digit dynamic security code';
export const REMEMBER_BOX = "Don't ask again on this browser for 30 days";

/** Security Settings' card of remembered browsers. */
export function rememberedCard(page: Page) {
  return page.locator('section').filter({
    has: page.getByRole('heading', { name: 'Remembered browsers' }),
  });
}

/**
 * REMEMBER-1 by keyboard: bob's password, then at the code step Tab to the
 * box above the code, Space to tick it, Tab to the code, type it and Enter.
 */
export async function bobTicksRememberAndSignsIn(page: Page): Promise<void> {
  await logIn(page, 'bob@example.com');
  await expect(page.getByRole('heading', { name: 'Enter your dynamic code' })).toBeVisible();
  const box = page.getByRole('checkbox', { name: REMEMBER_BOX });
  await expect(box).toBeVisible();
  await expectAccessible(page);
  const code = page.getByLabel(CODE_LABEL);
  await tabTo(page, box);
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  await tabTo(page, code);
  await page.keyboard.type(phoneCode(BOB_SECRET));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
}

/** The next login with the password alone lands in the console: no code step. */
export async function bobSignsInWithoutTheCode(page: Page): Promise<void> {
  await logOut(page, 'Bob Li');
  await logIn(page, 'bob@example.com');
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
  await expect(page.getByText(/Signed in on a remembered browser/)).toBeVisible();
  await expectAccessible(page);
}

/** Security Settings lists this browser; Forget by keyboard; the next login asks the code. */
export async function bobForgetsThisBrowser(page: Page): Promise<void> {
  await open(page, '/account');
  const card = rememberedCard(page);
  const row = card.getByRole('listitem');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('This browser');
  await expect(row).toContainText(/Remembered .* · Last used /);
  await expectAccessible(page);
  await tabTo(page, row.getByRole('button', { name: /^Forget / }));
  await page.keyboard.press('Enter');
  await expect(card.getByText(/Browser forgotten/)).toBeVisible();
  await expect(card.getByText(/No browser is remembered/)).toBeVisible();

  await logOut(page, 'Bob Li');
  await logIn(page, 'bob@example.com');
  await expect(page.getByRole('heading', { name: 'Enter your dynamic code' })).toBeVisible();
}
