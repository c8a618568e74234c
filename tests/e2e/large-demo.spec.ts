import { logInAsAgent } from './support/agent';
import { expectAccessible, open } from './support/app';
import { expect, test } from './support/test';

test('Load a large demo shows its progress, fills the lists, and Reset brings back the seed (MOCK-8)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await open(page, '/dev');
  await page.getByRole('button', { name: 'Load a large demo' }).click();
  await expect(page.getByRole('progressbar', { name: 'Loading the large demo' })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: /of 10,000 tickets loaded/ }),
  ).toBeVisible();
  await expect(
    page.getByText('The large demo is loaded: 10,000 tickets and 500 members.'),
  ).toBeVisible({
    timeout: 90_000,
  });
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/large-demo-dev-tools.png', fullPage: true });

  await logInAsAgent(page);
  await open(page, '/support');
  await expect(page.getByText(/10,000/).first()).toBeVisible();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: 'test-results/large-demo-queue-375.png', fullPage: true });

  await open(page, '/dev');
  await page.getByRole('button', { name: 'Reset demo data' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset demo data' }).click();
  await expect(page.getByText('Demo data was reset.')).toBeVisible();
  await logInAsAgent(page);
  await open(page, '/support');
  await expect(page.getByText(/10,000/)).toHaveCount(0);
});
