import { expect, test } from '@playwright/test';
import { expectAccessible, open } from '../e2e/support/app';

/** SERVER-6: the demo server's notice is read with the page's banner, so axe finds nothing outside a landmark. */
test('the login page of the demo server says it is a demo, inside its banner, axe clean', async ({
  page,
}) => {
  await open(page, '/login');
  await expect(page.getByRole('banner')).toContainText(/demo server/i);
  await expectAccessible(page);
});
