import { expect, type Page } from '@playwright/test';
import { logIn } from './app';
import { enterCode } from './bind-wizard';
import { phoneCode } from './totp';

const BOB_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const CODE_LABEL = '6-digit dynamic security code';

/**
 * DRIFT-1 at bob's login code step: a code from a phone `offsetSteps` off is
 * refused with `hint`; `checkRefusal` looks at the screen as it is then; the
 * right code then signs in.
 */
export async function bobSignsInPastDriftHint(
  page: Page,
  offsetSteps: number,
  hint: RegExp,
  checkRefusal: (page: Page) => Promise<void> = async () => {},
): Promise<void> {
  await logIn(page, 'bob@example.com');
  await expect(page.getByRole('heading', { name: 'Enter your dynamic code' })).toBeVisible();
  await enterCode(page, CODE_LABEL, phoneCode(BOB_SECRET, offsetSteps));
  await expect(page.getByRole('alert')).toHaveText(hint);
  await checkRefusal(page);
  await enterCode(page, CODE_LABEL, phoneCode(BOB_SECRET));
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
}
