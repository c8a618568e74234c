import { askTheApi } from './support/api';
import { expectAccessible, logIn, open, submitLogin } from './support/app';
import { bindThroughWizard } from './support/bind-wizard';
import { expect, test } from './support/test';

const DAY_SECONDS = 24 * 60 * 60;
const TOTP_STEP_SECONDS = 30;

test('an Owner gives a 3-day grace; a member works with the banner, and is made to bind once the clock passes the deadline (MANDATORY-5)', async ({
  page: owner,
  context,
}) => {
  test.slow();
  // The Owner binds MFA first (MANDATORY-1), then switches the policy on with a grace period.
  await logIn(owner, 'owner@example.com');
  await open(owner, '/w/ws_demo/settings/security');
  await owner.getByRole('link', { name: 'Bind MFA now' }).click();
  await bindThroughWizard(owner, context, 'owner@example.com');
  await open(owner, '/w/ws_demo/settings/security');

  // Keyboard only: open the confirmation, choose the grace period, type the days, confirm.
  const policySwitch = owner.getByRole('switch', { name: 'MFA Security Authentication' });
  await policySwitch.focus();
  await owner.keyboard.press('Space');
  const confirm = owner.getByRole('dialog', { name: 'Switch on MFA Security Authentication?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('radio', { name: 'Now' }).focus();
  await owner.keyboard.press('ArrowDown');
  await expect(confirm.getByRole('radio', { name: 'After a grace period' })).toBeChecked();
  await owner.keyboard.press('Tab');
  const days = confirm.getByLabel('Days of grace (1-14)');
  await expect(days).toBeFocused();
  await owner.keyboard.press('ControlOrMeta+A');
  await owner.keyboard.type('3');
  await expectAccessible(owner);
  await owner.keyboard.press('Tab');
  await owner.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Switch on' })).toBeFocused();
  await owner.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(
    owner.getByText(/^MFA Security Authentication is on\. It is enforced from /),
  ).toBeVisible();
  await open(owner, '/w/ws_demo/members');
  await expect(owner.getByText(/^1 member still has to bind MFA by /)).toBeVisible();
  await expect(
    owner.getByRole('row', { name: /alice@example\.com/ }).getByText(/^Bind by /),
  ).toBeVisible();
  await expectAccessible(owner);

  // Alice, in her own tab, enters the workspace and works, with the deadline on every page.
  const alice = await context.newPage();
  await logIn(alice, 'alice@example.com');
  await expect(alice.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
  const banner = alice.getByText(/^Demo Workspace requires MFA from .+\. Bind it before then/);
  await expect(banner).toBeVisible();
  await expectAccessible(alice);
  await open(alice, '/tickets');
  await expect(alice.getByRole('heading', { name: 'Ticket Management' })).toBeVisible();
  await expect(banner).toBeVisible();
  expect((await askTheApi(alice, '/api/v1/workspaces/ws_demo/tickets')).status).toBe(200);

  // The dev tools move the server's clock 3 days on: the deadline has come.
  await open(owner, '/dev');
  await owner.getByLabel('Advance the clock by days').fill('3');
  await owner.getByRole('button', { name: 'Advance' }).click();
  await expect(owner.getByText('The server clock moved forward 3 days.')).toBeVisible();

  // Three idle days ended Alice's session; signing in again, she must bind first.
  await alice.getByRole('link', { name: 'Home' }).click();
  await expect(alice.getByRole('heading', { name: 'Log in to Guance' })).toBeVisible();
  await submitLogin(alice, 'alice@example.com');
  await expect(
    alice.getByRole('heading', { name: 'Bind MFA to enter Demo Workspace' }),
  ).toBeVisible();
  expect((await askTheApi(alice, '/api/v1/workspaces/ws_demo')).status).toBe(403);
  await bindThroughWizard(
    alice,
    context,
    'alice@example.com',
    (3 * DAY_SECONDS) / TOTP_STEP_SECONDS,
  );
  await alice.getByRole('button', { name: 'Enter Demo Workspace' }).click();
  await expect(alice.getByRole('heading', { name: 'Welcome to Demo Workspace' })).toBeVisible();
  await expect(banner).toBeHidden();
});
