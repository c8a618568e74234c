import { expect, test } from '@playwright/test';
import {
  bobForgetsThisBrowser,
  bobSignsInWithoutTheCode,
  bobTicksRememberAndSignsIn,
} from '../e2e/support/remember';
import { resetServer } from './support/reset';

/** SERVER-11: REMEMBER-1 against the Node host, where the token is a real cookie. */
test.beforeEach(resetServer);

test('a remembered browser holds an HttpOnly, Strict cookie, skips the code, and Forget ends it (REMEMBER-1)', async ({
  page,
  context,
}) => {
  test.slow();
  await bobTicksRememberAndSignsIn(page);
  const cookie = (await context.cookies()).find((candidate) => /grb$/.test(candidate.name));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  // About 30 days from now.
  expect((cookie?.expires ?? 0) - Date.now() / 1000).toBeGreaterThan(29 * 24 * 3600);
  expect(await page.evaluate(() => document.cookie)).not.toContain('grb');

  await bobSignsInWithoutTheCode(page);
  await bobForgetsThisBrowser(page);
  expect((await context.cookies()).some((candidate) => /grb$/.test(candidate.name))).toBe(false);
});
