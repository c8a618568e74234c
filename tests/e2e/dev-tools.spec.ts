import { expectAccessible, open } from './support/app';
import { expect, test } from './support/test';

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('/dev fits the screen: the authenticator table wraps instead of scrolling sideways (MOCK-8)', async ({
    page,
  }) => {
    await open(page, '/dev');
    const table = page.getByRole('table');
    await expect(table.getByRole('cell', { name: /bob@example\.com/ })).toBeVisible();

    // A page wider than the phone makes it zoom out: the layout stays 375 px wide only if nothing overflows.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    const region = page.getByRole('region', { name: 'Authenticator' });
    expect(await region.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
    // No cell spills into the next one.
    const spilling = await table
      .locator('td, th')
      .evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth).length);
    expect(spilling).toBe(0);
    await expectAccessible(page);
  });
});
