import type { Locator, Page } from '@playwright/test';
import { expectAccessible, logIn, open } from './support/app';
import { enterCode } from './support/bind-wizard';
import { readEmailCode } from './support/mailbox';
import { keepRecoveryCodes } from './support/recovery-codes';
import { expect, test } from './support/test';
import { phoneCode, scanQrCode, secretOf, wrongCode } from './support/totp';

const APP_HEADING = 'Scan the QR code with your authenticator app';
/** On a phone the QR code is folded away: the heading says what the step shows there. */
const PHONE_APP_HEADING = 'Add the account to your authenticator app';

async function toAppStep(page: Page, email: string, heading = APP_HEADING) {
  await logIn(page, email);
  await expect(page.getByRole('heading', { name: /Welcome to/ })).toBeVisible();
  await open(page, '/account/mfa/bind');
  await page.getByRole('button', { name: 'Get Verification Code' }).click();
  await expect(page.getByRole('button', { name: /Resend in \d+ s/ })).toBeDisabled();
  const code = await readEmailCode(page.context(), email, 'Your verification code for binding MFA');
  await enterCode(page, 'Email verification code', code);
  await expect(page.getByRole('heading', { name: heading })).toBeVisible();
}

/** Where each step of the list sits, and whether its name wrapped past the number beside it. */
async function stepBoxes(page: Page) {
  const items = await page.getByRole('list', { name: 'Binding steps' }).getByRole('listitem').all();
  return Promise.all(
    items.map((item) =>
      item.evaluate((li) => {
        const [marker, name] = [...li.children].map((child) => child.getBoundingClientRect());
        return {
          top: Math.round(li.getBoundingClientRect().top),
          wrapped: (name?.height ?? 0) > (marker?.height ?? 0),
        };
      }),
    ),
  );
}

test('the four steps share one row, each name on one line, at 1280 and 1024 px (BIND-4)', async ({
  page,
}) => {
  await toAppStep(page, 'alice@example.com');
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 768 });
    const boxes = await stepBoxes(page);
    expect(boxes).toHaveLength(4);
    expect(new Set(boxes.map((box) => box.top)).size, `tops at ${width} px`).toBe(1);
    expect(
      boxes.filter((box) => box.wrapped),
      `wrapped names at ${width} px`,
    ).toEqual([]);
  }
  await expect(page.getByText('Step 2 of 4:')).toBeHidden();
});

function setupKey(page: Page): Locator {
  return page.getByLabel('Setup key');
}

/** The secret as shown by the setup key, spaces taken out. */
async function shownKey(page: Page): Promise<string> {
  return ((await setupKey(page).textContent()) ?? '').replaceAll(' ', '');
}

/** BIND-6: buttons of one row share it, or each has a row of its own; none is left alone. */
async function expectNoButtonAlone(buttons: Locator[]) {
  const boxes = await Promise.all(buttons.map(async (button) => button.boundingBox()));
  const rows = new Map<number, number>();
  for (const box of boxes) {
    if (!box) throw new Error('a button is not on screen');
    const top = Math.round(box.y);
    rows.set(top, (rows.get(top) ?? 0) + 1);
  }
  const stacked = rows.size === buttons.length;
  const oneRow = rows.size === 1;
  expect(stacked || oneRow, `rows: ${JSON.stringify([...rows])}`).toBe(true);
  if (stacked) {
    const widths = boxes.map((box) => Math.round(box?.width ?? 0));
    expect(new Set(widths).size, `widths: ${widths.join(', ')}`).toBe(1);
  }
}

test('the QR code stays the same through Back and a reload, and changes only on request (BIND-4, BIND-5)', async ({
  page,
}) => {
  test.slow();
  await toAppStep(page, 'alice@example.com');
  const qr = page.getByRole('img', { name: /QR code/ });
  const first = secretOf(await scanQrCode(qr));
  await expect(page.getByRole('button', { name: 'Back' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Enter the dynamic code' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: APP_HEADING })).toBeVisible();
  expect(secretOf(await scanQrCode(qr))).toBe(first);
  await expect(page.getByRole('listitem').filter({ hasText: 'Verify identity' })).toHaveAttribute(
    'data-state',
    'done',
  );

  await page.getByRole('button', { name: 'Show a new QR code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Show a new QR code?' });
  await expect(dialog).toContainText('Delete it from the app first');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Show a new QR code' }).click();
  await expect(page.getByText(/This is a new QR code/)).toBeVisible();
  const rotated = secretOf(await scanQrCode(qr));
  expect(rotated).not.toBe(first);

  await page.getByRole('button', { name: 'Next' }).click();
  // The entry scanned first no longer works; the new one does.
  await enterCode(page, '6-digit dynamic security code', wrongCode(rotated));
  await expect(page.getByRole('alert')).toContainText(
    'That code is not right, or it was just used.',
  );
  await page.getByRole('button', { name: 'Back' }).click();
  expect(secretOf(await scanQrCode(qr))).toBe(rotated);
  await page.getByRole('button', { name: 'Next' }).click();
  await enterCode(page, '6-digit dynamic security code', phoneCode(rotated));
  await keepRecoveryCodes(page);
  await expect(page.getByRole('heading', { name: 'MFA is bound' })).toBeVisible();
});

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('alice binds with the setup key first, the buttons stacked, the key kept across a reload (BIND-6)', async ({
    page,
  }) => {
    test.slow();
    await toAppStep(page, 'alice@example.com', PHONE_APP_HEADING);
    // One line for where the user is, instead of four names squeezed into a row.
    await expect(page.getByRole('list', { name: 'Binding steps' })).toBeHidden();
    await expect(page.getByText('Step 2 of 4:')).toBeVisible();
    await expect(page.getByText('Add to your app', { exact: true }).first()).toBeVisible();

    const openInApp = page.getByRole('link', { name: 'Open in authenticator app' });
    await expect(openInApp).toBeVisible();
    await expect(setupKey(page)).toBeVisible();
    const secret = await shownKey(page);
    expect(await openInApp.getAttribute('href')).toContain(`secret=${secret}`);
    // The QR code is folded away below the key: a phone cannot scan its own screen.
    await expect(page.getByRole('img', { name: /QR code/ })).toBeHidden();
    const linkBox = await openInApp.boundingBox();
    const keyBox = await setupKey(page).boundingBox();
    expect(linkBox && keyBox && linkBox.y < keyBox.y).toBe(true);
    await expectNoButtonAlone([
      page.getByRole('button', { name: 'Cancel binding' }),
      page.getByRole('button', { name: 'Next' }),
    ]);
    await expectAccessible(page);

    // Switching to the authenticator app can reload the tab: the same key comes back.
    await page.reload();
    await expect(setupKey(page)).toBeVisible();
    expect(await shownKey(page)).toBe(secret);

    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('heading', { name: 'Enter the dynamic code' })).toBeVisible();
    await expectNoButtonAlone([
      page.getByRole('button', { name: 'Cancel binding' }),
      page.getByRole('button', { name: 'Back' }),
      page.getByRole('button', { name: 'Confirm' }),
    ]);
    await expectAccessible(page);
    await enterCode(page, '6-digit dynamic security code', phoneCode(secret));
    await keepRecoveryCodes(page);
    await expect(page.getByRole('heading', { name: 'MFA is bound' })).toBeVisible();
  });
});
