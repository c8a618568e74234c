import { expectAccessible, logIn, logOut, open } from './support/app';
import { tabTo } from './support/keyboard';
import {
  bobForgetsThisBrowser,
  bobSignsInWithoutTheCode,
  bobTicksRememberAndSignsIn,
  REMEMBER_BOX,
} from './support/remember';
import { expect, test } from './support/test';

const REMEMBER_SWITCH = 'Allow members to skip the code on a remembered browser for 30 days';

test("Don't ask again on this browser: the next login skips the code until Forget (REMEMBER-1)", async ({
  page,
}) => {
  test.slow();
  await bobTicksRememberAndSignsIn(page);
  await bobSignsInWithoutTheCode(page);
  await bobForgetsThisBrowser(page);
});

test('the Owner switches remembered browsers off by keyboard, and bob is no longer offered the box (REMEMBER-1)', async ({
  page,
}) => {
  await logIn(page, 'owner@example.com');
  await open(page, '/w/ws_demo/settings/security');
  const toggle = page.getByRole('switch', { name: REMEMBER_SWITCH });
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expectAccessible(page);
  await tabTo(page, toggle);
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Remembered browsers are off/)).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expectAccessible(page);

  await logOut(page, 'Olivia Owner');
  await logIn(page, 'bob@example.com');
  await expect(page.getByRole('heading', { name: 'Enter your dynamic code' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: REMEMBER_BOX })).toHaveCount(0);
});
