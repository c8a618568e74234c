import { DEMO_PASSWORD, expectAccessible, logIn, open } from './support/app';
import {
  bobAddsAKey,
  bobSpendsAllButTwoRecoveryCodes,
  expectMemberRefused,
  expectOwnerSeesDemoPosture,
  figure,
  MEMBERS_PATH,
  postureCard,
} from './support/posture';
import { expect, test } from './support/test';

test("the Owner reads the workspace's MFA posture and exports it; a member may not (POSTURE-1)", async ({
  page: owner,
  context,
}) => {
  test.slow();
  await bobSpendsAllButTwoRecoveryCodes(() => context.newPage());
  await expectOwnerSeesDemoPosture(owner);
  await expectMemberRefused(await context.newPage());
});

test('the Owner sees who has a security key, counted and marked (POSTURE-1, KEY-1)', async ({
  page,
}) => {
  await bobAddsAKey(page);
  await logIn(page, 'owner@example.com');
  await open(page, MEMBERS_PATH);
  const card = postureCard(page, 'MFA posture');
  await expect(figure(page, 'With a security key')).toHaveText('1');
  const withKey = card.getByRole('region', { name: 'Have a security key' });
  await expect(withKey.getByRole('listitem')).toHaveCount(1);
  await expect(withKey.getByRole('listitem')).toContainText('bob@example.com');
  await expect(withKey.getByRole('listitem')).toContainText('Security key');
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page);
});

test.describe('on a 375 px phone, in Chinese', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('the posture fits the screen and reads in Chinese (POSTURE-1)', async ({ page }) => {
    await open(page, '/login');
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByLabel('邮箱').fill('owner@example.com');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('heading', { name: '登录 Guance' })).toBeHidden();
    await open(page, MEMBERS_PATH);

    const card = postureCard(page, 'MFA 安全状况');
    await expect(card).toBeVisible();
    await expect(figure(page, '未绑定')).toHaveText('2');
    await expect(figure(page, '已添加安全密钥')).toHaveText('0');
    await expect(card.getByRole('region', { name: '尚未绑定' })).toContainText('alice@example.com');
    await expect(card.getByRole('button', { name: '导出 CSV' })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await expectAccessible(page);
  });
});
