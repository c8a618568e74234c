import type { Page } from '@playwright/test';
import { setServerClockOffset } from './support/agent';
import { expectAccessible, logIn, logOut, open, submitLogin } from './support/app';
import { bindNewAuthenticator, enterCode } from './support/bind-wizard';
import { tabTo } from './support/keyboard';
import { readEmailCode, readLatestEmail } from './support/mailbox';
import { keepRecoveryCodes } from './support/recovery-codes';
import { expect, test } from './support/test';
import { phoneCode, scanQrCode, secretOf } from './support/totp';

const ALICE = 'alice@example.com';
const STEP_SECONDS = 30;

/** The server's clock `steps` TOTP steps ahead, and the phone's code for that step. */
async function codeAtStep(page: Page, secret: string, steps: number): Promise<string> {
  await setServerClockOffset(page, steps * STEP_SECONDS);
  return phoneCode(secret, steps);
}

/** At the login code step: switch to a recovery code and send it. */
async function useRecoveryCode(page: Page, code: string) {
  await page.getByRole('button', { name: 'Use a recovery code' }).click();
  await page.getByLabel('Recovery code').fill(code);
  await page.getByRole('button', { name: 'Confirm' }).click();
}

function recoveryRow(page: Page) {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: /^Recovery codes/ }) });
}

test('recovery codes: bind, keep, log in with one, regenerate, change the authenticator', async ({
  page,
  context,
}) => {
  test.slow();
  await logIn(page, ALICE);
  await open(page, '/account');
  await page.getByRole('link', { name: 'Bind' }).click();

  // The bind wizard, as a person with a phone takes it.
  await page.getByRole('button', { name: 'Get Verification Code' }).click();
  const emailCode = await readEmailCode(context, ALICE, 'Your verification code for binding MFA');
  await enterCode(page, 'Email verification code', emailCode);
  const secret = secretOf(await scanQrCode(page.getByRole('img', { name: /QR code/ })));
  await page.getByRole('button', { name: 'Next' }).click();
  await enterCode(page, '6-digit dynamic security code', phoneCode(secret));

  // RECOVERY-1: the codes, once; finishing needs the box ticked.
  await expect(page.getByRole('heading', { name: 'Save your recovery codes' })).toBeFocused();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByText('Tick the box once your recovery codes are saved.')).toBeVisible();
  const { codes, fileName } = await keepRecoveryCodes(page);
  expect(fileName).toBe('guance-recovery-codes-alice-example.com.txt');
  expect(codes).toHaveLength(10);
  await expect(page.getByRole('heading', { name: 'MFA is bound' })).toBeVisible();
  await page.getByRole('button', { name: 'Return to Account Management' }).click();
  await expect(recoveryRow(page)).toContainText('10 left');

  // RECOVERY-2: a recovery code instead of the phone, by keyboard alone.
  await logOut(page, 'Alice Chen');
  await submitLogin(page, ALICE);
  await expect(page.getByRole('heading', { name: 'Enter your dynamic code' })).toBeVisible();
  // RECOVERY-5: the ticket stays for those who lost both.
  await expect(page.getByText('No phone and no recovery codes?')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Use a recovery code' }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Recovery code')).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.type(`${codes[0]!.toUpperCase().replace('-', ' ')}`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
  await expect(
    page.getByText('You signed in with a recovery code. 9 recovery codes are left.'),
  ).toBeVisible();
  expect(
    await readLatestEmail(context, ALICE, 'A recovery code was used on your account'),
  ).toContain('9 of your recovery codes are left');

  // The same code is refused; the phone still works.
  await logOut(page, 'Alice Chen');
  await submitLogin(page, ALICE);
  await useRecoveryCode(page, codes[0]!);
  await expect(page.getByRole('alert')).toContainText('That recovery code is not right');
  await expect(page.getByLabel('Recovery code')).toBeFocused();
  await page.getByRole('button', { name: 'Use a dynamic code instead' }).click();
  await enterCode(page, '6-digit dynamic security code', await codeAtStep(page, secret, 1));
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();

  // RECOVERY-3: regenerate with a dynamic code; the new set is shown once.
  await open(page, '/account');
  await expect(recoveryRow(page)).toContainText('9 left');
  await recoveryRow(page).getByRole('button', { name: 'Regenerate' }).click();
  const asking = page.getByRole('dialog', { name: 'Make new recovery codes' });
  await asking
    .getByLabel('6-digit dynamic security code')
    .pressSequentially(await codeAtStep(page, secret, 2));
  await asking.getByRole('button', { name: 'Confirm' }).click();
  // The dialog's own title names the new set; no second heading stacks under it.
  const dialog = page.getByRole('dialog', { name: 'Save your new recovery codes' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading')).toHaveCount(1);
  await expectAccessible(page);
  const newCodes = await dialog
    .getByRole('list', { name: 'Your recovery codes' })
    .getByRole('listitem')
    .allTextContents();
  expect(newCodes).toHaveLength(10);
  await dialog.getByRole('checkbox', { name: 'I have saved my recovery codes' }).check();
  await dialog.getByRole('button', { name: 'Finish' }).click();
  await expect(dialog).toBeHidden();
  await expect(recoveryRow(page)).toContainText('10 left');

  // An old code is refused; a new one works.
  await logOut(page, 'Alice Chen');
  await submitLogin(page, ALICE);
  await useRecoveryCode(page, codes[1]!);
  await expect(page.getByRole('alert')).toContainText('That recovery code is not right');
  await page.getByLabel('Recovery code').fill(newCodes[0]!.trim());
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();

  // RECOVERY-4: change the authenticator; the new app's QR read from pixels.
  await open(page, '/account');
  await page.getByRole('link', { name: 'Change authenticator' }).click();
  await expect(page.getByRole('heading', { name: 'Prove it is you' })).toBeFocused();
  await expectAccessible(page);
  await enterCode(page, '6-digit dynamic security code', await codeAtStep(page, secret, 3));
  const newSecret = await bindNewAuthenticator(page, 3);
  expect(newSecret).not.toBe(secret);
  expect(
    await readLatestEmail(context, ALICE, 'The authenticator app of your account was changed'),
  ).toContain('Your recovery codes are unchanged');
  await page.getByRole('button', { name: 'Return to Account Management' }).click();
  await expect(recoveryRow(page)).toContainText('9 left');

  // The new app logs in; the old one does not.
  await logOut(page, 'Alice Chen');
  await submitLogin(page, ALICE);
  const next = await codeAtStep(page, newSecret, 4);
  await enterCode(page, '6-digit dynamic security code', phoneCode(secret, 4));
  await expect(page.getByRole('alert')).toContainText('That code is not right');
  await enterCode(page, '6-digit dynamic security code', next);
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
});

test('the recovery code step in Chinese and in dark mode is accessible', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await logIn(page, 'bob@example.com');
  await page.getByLabel('Language').selectOption('zh-CN');
  await page.getByRole('button', { name: '使用恢复码' }).click();
  await expect(page.getByLabel('恢复码', { exact: true })).toBeFocused();
  await expectAccessible(page);
  await page.getByLabel('恢复码', { exact: true }).fill('bob2a-demo1');
  await page.keyboard.press('Enter');
  await expect(page.getByText('您已使用恢复码登录。剩余 9 个恢复码。')).toBeVisible();
  await expectAccessible(page);
});
