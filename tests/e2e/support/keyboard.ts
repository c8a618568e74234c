import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD, open } from './app';

const MAX_TAB_PRESSES = 40;

/** Presses Tab until the target has focus, proving it is reachable by keyboard alone. */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < MAX_TAB_PRESSES; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `not reachable within ${MAX_TAB_PRESSES} Tab presses`).toBeFocused();
}

/** The login form, filled and sent without the mouse. */
export async function logInByKeyboard(page: Page, email: string): Promise<void> {
  await open(page, '/login');
  await tabTo(page, page.getByLabel('Email'));
  await page.keyboard.type(email);
  await tabTo(page, page.getByLabel('Password', { exact: true }));
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
}
