import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/**
 * RECOVERY-1: the step that ends a binding, as a careful person takes it:
 * downloads the .txt, reads the codes from the file, ticks "I have saved my
 * recovery codes" and finishes. Returns the codes and the file's name.
 */
export async function keepRecoveryCodes(
  page: Page,
): Promise<{ codes: string[]; fileName: string }> {
  // The bind wizard's step, or Regenerate's dialog, which names the new set.
  await expect(
    page.getByRole('heading', { name: /^Save your (new )?recovery codes$/ }),
  ).toBeVisible();
  const shown = await page
    .getByRole('list', { name: 'Your recovery codes' })
    .getByRole('listitem')
    .allTextContents();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download .txt' }).click();
  const file = await download;
  const text = readFileSync(await file.path(), 'utf8');
  const codes = text.split('\n').filter((line) => /^[a-z0-9]{5}-[a-z0-9]{5}$/.test(line));
  expect(codes).toEqual(shown.map((code) => code.trim()));
  await page.getByRole('checkbox', { name: 'I have saved my recovery codes' }).check();
  await page.getByRole('button', { name: 'Finish' }).click();
  return { codes, fileName: file.suggestedFilename() };
}
