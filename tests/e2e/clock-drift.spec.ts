import { expectAccessible, logIn } from './support/app';
import { enterCode } from './support/bind-wizard';
import { expect, test } from './support/test';
import { phoneCode } from './support/totp';

const BOB_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const CODE_LABEL = '6-digit dynamic security code';

test('a code from a phone 5 steps fast is refused with a hint to use automatic time, then the right code signs in (DRIFT-1)', async ({
  page,
}) => {
  await logIn(page, 'bob@example.com');
  await expect(page.getByRole('heading', { name: 'Enter your dynamic code' })).toBeVisible();

  await enterCode(page, CODE_LABEL, phoneCode(BOB_SECRET, 5));
  // The phone's code is made before the server checks it, so a step boundary in
  // between makes it 4 steps ahead rather than 5: both are told, as about 150 or 120 s.
  await expect(page.getByRole('alert')).toHaveText(
    /^That code is not right\..* Your phone's clock seems to be about (150|120) seconds ahead\. Turn on automatic date and time/,
  );
  await expectAccessible(page);

  await enterCode(page, CODE_LABEL, phoneCode(BOB_SECRET));
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
});
