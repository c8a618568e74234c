import { askTheApi } from './support/api';
import { expectAccessible, logIn, open, submitLogin } from './support/app';
import { bindThroughWizard } from './support/bind-wizard';
import { expect, test } from './support/test';

test('carol is forced through the bind wizard before she sees Secure Workspace', async ({
  page,
  context,
}) => {
  test.slow();
  await open(page, '/w/ws_secure');
  await submitLogin(page, 'carol@example.com');
  const wizardTitle = page.getByRole('heading', { name: 'Bind MFA to enter Secure Workspace' });
  await expect(wizardTitle).toBeVisible();
  await expectAccessible(page);

  // Neither a typed URL, nor a reload, nor the back button shows workspace content.
  await open(page, '/w/ws_secure/members');
  await expect(wizardTitle).toBeVisible();
  await expect(page).toHaveURL(/\/login\?returnTo=%2Fw%2Fws_secure%2Fmembers$/);
  await page.reload();
  await expect(wizardTitle).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: /Welcome to/ })).toHaveCount(0);
  await open(page, '/w/ws_secure');
  await expect(wizardTitle).toBeVisible();
  expect((await askTheApi(page, '/api/v1/workspaces/ws_secure')).status).toBe(403);

  await bindThroughWizard(page, context, 'carol@example.com');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Enter Secure Workspace' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Secure Workspace' })).toBeVisible();
  await expect(page).toHaveURL(/\/w\/ws_secure$/);
});

test('the owner opening Secure Workspace by URL enters it on purpose, and so binds first (GUARD-2)', async ({
  page,
}) => {
  await logIn(page, 'owner@example.com');
  await expect(page.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
  // A bare read changes nothing: the session is still active in Demo Workspace.
  expect((await askTheApi(page, '/api/v1/workspaces/ws_secure')).status).toBe(403);
  expect((await askTheApi(page, '/api/v1/session')).body?.state).toBe('active');

  await open(page, '/w/ws_secure/members');
  await expect(
    page.getByRole('heading', { name: 'Bind MFA to enter Secure Workspace' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/login\?returnTo=%2Fw%2Fws_secure%2Fmembers$/);
});

test('the owner switches mandatory MFA on while alice works; her next navigation forces the wizard, then returns her', async ({
  page: owner,
  context,
}) => {
  test.slow();
  // Alice, in her own tab (each tab holds its own session), is at work on the members-free home page.
  const alice = await context.newPage();
  await logIn(alice, 'alice@example.com');
  await expect(alice.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
  await alice.getByRole('button', { name: /^Account menu Alice Chen/ }).click();
  await alice.getByRole('link', { name: 'Account Management' }).click();
  await expect(alice.getByRole('heading', { name: 'Account Management' })).toBeVisible();

  // The owner cannot switch the policy on before binding MFA.
  await logIn(owner, 'owner@example.com');
  await open(owner, '/w/ws_demo/settings/security');
  const policySwitch = owner.getByRole('switch', { name: 'MFA Security Authentication' });
  await expect(policySwitch).toBeDisabled();
  await expect(owner.getByText('Bind MFA to your own account first')).toBeVisible();
  await expectAccessible(owner);
  await owner.getByRole('link', { name: 'Bind MFA now' }).click();
  await bindThroughWizard(owner, context, 'owner@example.com');

  await open(owner, '/w/ws_demo/settings/security');
  await expect(policySwitch).toHaveAttribute('aria-checked', 'false');
  await policySwitch.click();
  const confirm = owner.getByRole('dialog', { name: 'Switch on MFA Security Authentication?' });
  await expect(confirm).toContainText('1 member has not bound MFA yet');
  await expectAccessible(owner);
  await confirm.getByRole('button', { name: 'Switch on' }).click();
  await expect(confirm).toBeHidden();
  await expect(policySwitch).toHaveAttribute('aria-checked', 'true');
  await expect(owner.getByText('MFA Security Authentication is now on.')).toBeVisible();

  // Alice's next navigation meets the policy.
  await alice.getByRole('link', { name: 'Home' }).click();
  await expect(
    alice.getByRole('heading', { name: 'Bind MFA to enter Demo Workspace' }),
  ).toBeVisible();
  await expect(alice).toHaveURL(/\/login\?returnTo=%2Fw%2Fws_demo$/);
  await bindThroughWizard(alice, context, 'alice@example.com');
  await alice.getByRole('button', { name: 'Enter Demo Workspace' }).click();
  await expect(alice.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
  await expect(alice).toHaveURL(/\/w\/ws_demo$/);
});

test('members see the policy read-only', async ({ page }) => {
  await logIn(page, 'alice@example.com');
  await open(page, '/w/ws_demo/settings/security');
  await expect(page.getByRole('switch', { name: 'MFA Security Authentication' })).toBeDisabled();
  await expect(page.getByText('Only the workspace Owner can change this.')).toBeVisible();
  await expectAccessible(page);
});
