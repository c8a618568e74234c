import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import { chooseLanguage } from '@/lib/i18n/i18n';
import { enterCode } from './support/code-entry';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { DEMO_PASSWORD, freshCode, signIn } from './support/sign-in';
import { ownerHasMfa } from './support/workspace';

const CHECKBOX = "Don't ask again on this browser for 30 days";
const SWITCH = 'Allow members to skip the code on a remembered browser for 30 days';

async function logIn(user: ReturnType<typeof renderApp>['user'], email: string) {
  await user.type(await screen.findByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), DEMO_PASSWORD);
  await user.click(screen.getByRole('button', { name: 'Log in' }));
}

async function rememberedCount(): Promise<number> {
  return mockApi().server.run((state) => state.rememberedBrowsers.length);
}

/** Bob's browser remembered at the code step, through the API as the form would. */
async function rememberBob() {
  await signIn('bob@example.com', 'mfa_required');
  await request(paths.sessionMfa.href, {
    method: 'POST',
    body: { code: await freshCode('bob@example.com'), rememberBrowser: true },
  });
}

describe('the login code step (REMEMBER-1)', () => {
  it('offers the box where the workspace allows it; ticked, the browser is remembered', async () => {
    const { user } = renderApp('/login');
    await logIn(user, 'bob@example.com');
    const box = await screen.findByRole('checkbox', { name: CHECKBOX });
    expect(box).not.toBeChecked();

    await user.click(box);
    await enterCode(user, '6-digit dynamic security code', await freshCode('bob@example.com'));

    expect(
      await screen.findByRole('heading', { name: 'Welcome to Demo Workspace' }),
    ).toBeInTheDocument();
    expect(await rememberedCount()).toBe(1);
  });

  it('leaves the browser unremembered when the box is not ticked', async () => {
    const { user } = renderApp('/login');
    await logIn(user, 'bob@example.com');
    await screen.findByRole('checkbox', { name: CHECKBOX });
    await enterCode(user, '6-digit dynamic security code', await freshCode('bob@example.com'));

    await screen.findByRole('heading', { name: 'Welcome to Demo Workspace' });
    expect(await rememberedCount()).toBe(0);
  });

  it('skips the code on a remembered browser, and the console says so', async () => {
    await rememberBob();
    await request(paths.session.href, { method: 'DELETE' });
    const { user } = renderApp('/login');

    await logIn(user, 'bob@example.com');

    expect(
      await screen.findByRole('heading', { name: 'Welcome to Demo Workspace' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Signed in on a remembered browser/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/Signed in on a remembered browser/)).not.toBeInTheDocument();
  });

  it('hides the box when a workspace of the account forbids it', async () => {
    await mockApi().server.run((state) => {
      const demo = state.workspaces.find((workspace) => workspace.id === 'ws_demo');
      if (demo) demo.allowRememberedBrowsers = false;
    });
    const { user } = renderApp('/login');
    await logIn(user, 'bob@example.com');

    await screen.findByRole('heading', { name: 'Enter your dynamic code' });
    expect(screen.queryByRole('checkbox', { name: CHECKBOX })).not.toBeInTheDocument();
  });
});

describe('Security Settings: remembered browsers (REMEMBER-1)', () => {
  it('lists this browser, marked, and forgets it', async () => {
    await rememberBob();
    const { user } = renderApp('/account');
    const heading = await screen.findByRole('heading', { name: 'Remembered browsers' });
    const card = within(heading.closest('section')!);
    const row = (await card.findAllByRole('listitem'))[0]!;
    expect(row).toHaveTextContent('This browser');
    expect(row).toHaveTextContent(/Remembered .* · Last used/);

    await user.click(within(row).getByRole('button', { name: /^Forget / }));

    expect(await card.findByText(/Browser forgotten/)).toBeInTheDocument();
    expect(card.getByText(/No browser is remembered/)).toBeInTheDocument();
    expect(await rememberedCount()).toBe(0);
    // The security log reads it, and why.
    expect(await screen.findByText('Remembered browser forgotten')).toBeInTheDocument();
    expect(screen.getByText('Browser remembered for 30 days')).toBeInTheDocument();
  });

  it('reads in Chinese, and the log says why they were all forgotten', async () => {
    await rememberBob();
    await request(paths.accountSessions.href, { method: 'DELETE' });
    await rememberBob();
    await chooseLanguage('zh-CN');
    renderApp('/account');

    const heading = await screen.findByRole('heading', { name: '记住的浏览器' });
    const card = within(heading.closest('section')!);
    expect(await card.findByText('此浏览器')).toBeInTheDocument();
    expect(card.getByRole('button', { name: /^忘记 / })).toBeInTheDocument();
    expect(
      await screen.findByText('已忘记记住的浏览器（1 个）：已退出所有其他会话'),
    ).toBeInTheDocument();
  });
});

describe('Workspace Settings > Security: the switch (REMEMBER-1)', () => {
  it('lets the Owner switch remembered browsers off', async () => {
    await signIn('owner@example.com');
    const { user } = renderApp('/w/ws_demo/settings/security');
    const toggle = await screen.findByRole('switch', { name: SWITCH });
    expect(toggle).toHaveAttribute('aria-checked', 'true');

    await user.click(toggle);

    expect(await screen.findByText(/Remembered browsers are off/)).toBeInTheDocument();
    expect(toggle).toHaveAttribute('aria-checked', 'false');
  });

  it('keeps it off and locked in a Secure Workspace', async () => {
    await ownerHasMfa();
    await signIn('owner@example.com');
    renderApp('/w/ws_secure/settings/security');
    const toggle = await screen.findByRole('switch', { name: SWITCH });

    expect(toggle).toHaveAttribute('aria-checked', 'false');
    expect(toggle).toBeDisabled();
    expect(
      screen.getByText(/A Secure Workspace asks for the code at every login/),
    ).toBeInTheDocument();
  });

  it('shows a member the switch without letting them change it', async () => {
    await signIn('alice@example.com');
    renderApp('/w/ws_demo/settings/security');
    expect(await screen.findByRole('switch', { name: SWITCH })).toBeDisabled();
  });
});
