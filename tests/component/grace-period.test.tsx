import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '@/api/limits';
import { formatDateTime } from '@/lib/format';
import { chooseLanguage } from '@/lib/i18n/i18n';
import { mockApi, TEST_START_MS } from './support/mock-api';
import { renderApp } from './support/render-app';
import { signIn } from './support/sign-in';
import { ownerHasMfa } from './support/workspace';

const SECURITY_PATH = '/w/ws_demo/settings/security';

/** Demo Workspace with mandatory MFA on and `days` of grace from the test's start. */
async function graceOf(days: number) {
  await mockApi().server.run((state) => {
    const workspace = state.workspaces.find((w) => w.id === 'ws_demo');
    if (!workspace) return;
    workspace.mfaRequired = true;
    workspace.mfaGraceUntil = TEST_START_MS + days * DAY_MS;
  });
  return formatDateTime(TEST_START_MS + days * DAY_MS, 'en');
}

async function demoWorkspace() {
  return mockApi().server.run((state) =>
    structuredClone(state.workspaces.find((w) => w.id === 'ws_demo')),
  );
}

describe('switching mandatory MFA on with a grace period (MANDATORY-5)', () => {
  it('offers now or after N days, and sends the days chosen', async () => {
    await ownerHasMfa();
    await signIn('owner@example.com');
    const { user } = renderApp(SECURITY_PATH);
    await user.click(await screen.findByRole('switch', { name: 'MFA Security Authentication' }));
    const dialog = screen.getByRole('dialog', { name: 'Switch on MFA Security Authentication?' });
    const group = within(dialog).getByRole('group', { name: 'When should it be enforced?' });
    expect(within(group).getByRole('radio', { name: 'Now' })).toBeChecked();
    expect(within(dialog).queryByLabelText('Days of grace (1-14)')).not.toBeInTheDocument();

    await user.click(within(group).getByRole('radio', { name: 'After a grace period' }));
    const days = within(dialog).getByLabelText('Days of grace (1-14)');
    await user.clear(days);
    await user.type(days, '3');
    await user.click(within(dialog).getByRole('button', { name: 'Switch on' }));

    const deadline = formatDateTime(TEST_START_MS + 3 * DAY_MS, 'en');
    expect(
      await screen.findByText(
        `MFA Security Authentication is on. It is enforced from ${deadline}.`,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await demoWorkspace()).toMatchObject({
      mfaRequired: true,
      mfaGraceUntil: TEST_START_MS + 3 * DAY_MS,
    });
    expect(screen.getByText(`1 member still has to bind MFA by ${deadline}.`)).toBeInTheDocument();
  });

  it.each(['0', '15', '1.5', ''])(
    'refuses %j days with a message, and sends nothing',
    async (typed) => {
      await ownerHasMfa();
      await signIn('owner@example.com');
      const { user } = renderApp(SECURITY_PATH);
      await user.click(await screen.findByRole('switch', { name: 'MFA Security Authentication' }));
      const dialog = screen.getByRole('dialog');
      await user.click(within(dialog).getByRole('radio', { name: 'After a grace period' }));
      const days = within(dialog).getByLabelText('Days of grace (1-14)');
      await user.clear(days);
      if (typed) await user.type(days, typed);

      await user.click(within(dialog).getByRole('button', { name: 'Switch on' }));

      expect(days).toHaveAccessibleDescription('Enter a whole number of days from 1 to 14.');
      expect(days).toHaveValue(typed === '' ? null : Number(typed));
      expect(await demoWorkspace()).toMatchObject({ mfaRequired: false, mfaGraceUntil: null });
    },
  );

  it('is operable by keyboard alone', async () => {
    await ownerHasMfa();
    await signIn('owner@example.com');
    const { user } = renderApp(SECURITY_PATH);
    (await screen.findByRole('switch', { name: 'MFA Security Authentication' })).focus();
    await user.keyboard(' ');
    const dialog = screen.getByRole('dialog');
    within(dialog).getByRole('radio', { name: 'Now' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(within(dialog).getByRole('radio', { name: 'After a grace period' })).toBeChecked();
    await user.tab();
    expect(within(dialog).getByLabelText('Days of grace (1-14)')).toHaveFocus();
    await user.keyboard('{Control>}a{/Control}5');
    await user.tab();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Switch on' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(await screen.findByText(/It is enforced from/)).toBeInTheDocument();
    expect((await demoWorkspace())?.mfaGraceUntil).toBe(TEST_START_MS + 5 * DAY_MS);
  });
});

describe('during a grace period (MANDATORY-5)', () => {
  it('shows an unbound member a banner with the deadline on every page, and Bind MFA now comes back', async () => {
    const deadline = await graceOf(3);
    await signIn('alice@example.com');
    const { user, location } = renderApp('/tickets');

    const banner = await screen.findByText(
      `Demo Workspace requires MFA from ${deadline}. Bind it before then to keep access.`,
    );
    expect(banner).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Home' }));
    expect(
      await screen.findByRole('heading', { name: 'Welcome to Demo Workspace' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/requires MFA from/)).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Bind MFA now' }));
    expect(location().pathname).toBe('/account/mfa/bind');
    expect(new URLSearchParams(location().search).get('returnTo')).toBe('/w/ws_demo');
    await user.click(await screen.findByRole('button', { name: 'Cancel binding' }));
    await waitFor(() => expect(location().pathname).toBe('/w/ws_demo'));
  });

  it('shows no banner to a member who has bound MFA', async () => {
    await graceOf(3);
    await signIn('bob@example.com');
    renderApp('/w/ws_demo');
    expect(
      await screen.findByRole('heading', { name: 'Welcome to Demo Workspace' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Enforced from /)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Bind MFA now' })).not.toBeInTheDocument();
  });

  it('shows the banner in Chinese', async () => {
    await chooseLanguage('zh-CN');
    await graceOf(2);
    await signIn('alice@example.com');
    renderApp('/w/ws_demo');
    const deadline = formatDateTime(TEST_START_MS + 2 * DAY_MS, 'zh-CN');
    expect(
      await screen.findByText(
        `Demo Workspace 自 ${deadline} 起要求 MFA 认证。请在此之前完成绑定，以免无法进入。`,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '立即绑定 MFA' })).toBeInTheDocument();
  });

  it('lists the deadline and who is unbound to the Owner, who can end it after confirming', async () => {
    await ownerHasMfa();
    const deadline = await graceOf(3);
    await signIn('owner@example.com');
    const { user } = renderApp('/w/ws_demo/members');

    expect(
      await screen.findByText(`1 member still has to bind MFA by ${deadline}.`),
    ).toBeInTheDocument();
    const alice = screen.getByRole('row', { name: /alice@example.com/ });
    expect(within(alice).getByText(`Bind by ${deadline}`)).toBeInTheDocument();
    const bob = screen.getByRole('row', { name: /bob@example.com/ });
    expect(within(bob).queryByText(/Bind by/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'End grace period now' }));
    const dialog = screen.getByRole('dialog', { name: 'End the grace period now?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect((await demoWorkspace())?.mfaGraceUntil).not.toBeNull();

    await user.click(screen.getByRole('button', { name: 'End grace period now' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'End grace period now' }),
    );

    expect(
      await screen.findByText(
        'The grace period has ended. MFA Security Authentication is enforced now.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Bind by/)).not.toBeInTheDocument();
    expect(await demoWorkspace()).toMatchObject({ mfaRequired: true, mfaGraceUntil: null });
  });
});
