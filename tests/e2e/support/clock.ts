import { expect, type Page } from '@playwright/test';
import { open } from './app';

/** MOCK-8: moves the demo server's clock, as the dev tools allow, to reach a later TOTP step. */
export async function setServerClockOffset(page: Page, seconds: number): Promise<void> {
  const tab = await page.context().newPage();
  await open(tab, '/dev');
  await tab.getByLabel('Server clock offset (s)').fill(String(seconds));
  await tab.getByRole('button', { name: 'Save' }).click();
  await expect(tab.getByText('Saved.')).toBeVisible();
  await tab.close();
}
