import { type BrowserContext, expect } from '@playwright/test';
import { open } from './app';

/** Opens the dev mailbox in another tab and returns the newest email with that subject for that address. */
export async function readLatestEmail(
  context: BrowserContext,
  to: string,
  subject: string,
): Promise<string> {
  const tab = await context.newPage();
  await open(tab, '/dev/mailbox');
  const mail = tab
    .getByRole('article')
    .filter({ hasText: subject })
    .filter({ hasText: to })
    .first();
  await expect(mail).toBeVisible();
  const body = (await mail.locator('p').last().textContent()) ?? '';
  await tab.close();
  return body;
}

export async function readEmailCode(
  context: BrowserContext,
  to: string,
  subject: string,
): Promise<string> {
  const body = await readLatestEmail(context, to, subject);
  const code = /\b(\d{6})\b/.exec(body)?.[1];
  if (!code) throw new Error(`No code in: ${body}`);
  return code;
}
