import { DEMO_PASSWORD, expectAccessible, open } from './support/app';
import {
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
