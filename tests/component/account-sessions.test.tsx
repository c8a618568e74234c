import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { endAllSessions, signOutOtherSessions } from '@/backend/domain/session-control';
import { openSession } from '@/backend/domain/sessions';
import { chooseLanguage } from '@/lib/i18n/i18n';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { DEMO_PASSWORD, signIn } from './support/sign-in';

const ACCOUNT_PATH = '/account';
const CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const EDGE_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86';
const FIREFOX_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

/** Another browser signed in to the account, as a second tab would be. */
async function otherSession(
  email: string,
  userAgent: string | null = FIREFOX_WINDOWS,
  ipAddress: string | null = null,
) {
  return mockApi().server.run((state, ctx) => {
    const account = state.accounts.find((candidate) => candidate.email === email)!;
    return openSession(state, ctx, account, 'active', 'ws_demo', userAgent, ipAddress).session.id;
  });
}

/** The session rows as a reader meets them: each row's text, top to bottom. */
function sessionRows(title?: string) {
  return sessionsCard(title)
    .getAllByRole('listitem')
    .map((row) => row.textContent ?? '');
}

async function liveSessionIds(email: string) {
  return mockApi().server.run((state) => {
    const account = state.accounts.find((candidate) => candidate.email === email)!;
    return state.sessions.filter((session) => session.accountId === account.id).map((s) => s.id);
  });
}

function sessionsCard(title = 'Active sessions') {
  const heading = screen.getByRole('heading', { name: title });
  return within(heading.closest('section')!);
}

describe('a session ended from elsewhere (SESSION-1, SESSION-2)', () => {
  it('an open tab signed out by another session shows the login saying why', async () => {
    await signIn('alice@example.com');
    const { user } = renderApp(ACCOUNT_PATH);
    await screen.findByRole('heading', { name: 'Active sessions' });
    await mockApi().server.run((state, ctx) => {
      const account = state.accounts.find((candidate) => candidate.email === 'alice@example.com')!;
      const elsewhere = openSession(state, ctx, account, 'active', 'ws_demo', null).session;
      signOutOtherSessions(state, ctx, elsewhere);
    });

    await user.click(screen.getByRole('link', { name: 'Home' }));

    expect(await screen.findByRole('heading', { name: 'Log in to Guance' })).toBeInTheDocument();
    expect(
      screen.getByText(
        'You were signed out from another session of your account. Log in again to continue.',
      ),
    ).toBeInTheDocument();
  });

  it('a tab opened again after a password reset says the password changed', async () => {
    await signIn('alice@example.com');
    await mockApi().server.run((state, ctx) => {
      const account = state.accounts.find((candidate) => candidate.email === 'alice@example.com')!;
      endAllSessions(state, ctx, account.id, 'password_reset');
    });

    renderApp(ACCOUNT_PATH);

    expect(await screen.findByRole('heading', { name: 'Log in to Guance' })).toBeInTheDocument();
    // The login page paints before the session is known; the reason comes with it.
    expect(
      await screen.findByText(
        'Your password was changed, so this session was signed out. Log in with the new password.',
      ),
    ).toBeInTheDocument();
  });
});

describe('Active sessions (SESSION-1)', () => {
  it('lists this session and another, and signs the other out', async () => {
    await signIn('alice@example.com');
    const other = await otherSession('alice@example.com');
    const { user } = renderApp(ACCOUNT_PATH);

    const row = await screen.findByRole('heading', { name: 'Firefox 133 on Windows' });
    expect(sessionsCard().getByText('This session')).toBeInTheDocument();
    await user.click(
      sessionsCard().getByRole('button', { name: /^Sign out Firefox 133 on Windows, signed in / }),
    );

    expect(await screen.findByText('The session was signed out.')).toBeInTheDocument();
    expect(row).not.toBeInTheDocument();
    expect(await liveSessionIds('alice@example.com')).not.toContain(other);
    expect(
      sessionsCard().getByText('No other session is signed in to your account.'),
    ).toBeVisible();
    // The security log says what happened (LOG-1 shows it in full).
    expect(await screen.findByText('1 session signed out')).toBeInTheDocument();
  });

  it('tells sessions apart: this session first, then browser, system, address and times', async () => {
    // Signed in elsewhere first, so the server lists this session last.
    await otherSession('alice@example.com', CHROME_MAC, '203.0.113.7');
    await otherSession('alice@example.com', EDGE_WINDOWS, '198.51.100.23');
    await signIn('alice@example.com');
    renderApp(ACCOUNT_PATH);

    await screen.findByRole('heading', { name: 'Chrome 131 on macOS' });
    const rows = sessionRows();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('This session');
    // The component tests' mock has no network address: a tab of this browser.
    expect(rows[0]).toContain('In this browser');
    expect(rows.find((row) => row.startsWith('Chrome 131 on macOS'))).toMatch(
      /Signed in .+ · Last active .+IP address 203\.0\.113\.7/,
    );
    expect(rows.find((row) => row.startsWith('Edge 131 on Windows'))).toContain(
      'IP address 198.51.100.23',
    );

    await act(() => chooseLanguage('zh-CN'));
    expect(await screen.findByRole('heading', { name: 'Chrome 131（macOS）' })).toBeInTheDocument();
    expect(sessionRows('活跃会话')[0]).toContain('当前会话');
  });

  it('names what it cannot read in Chinese without a stray space', async () => {
    await signIn('alice@example.com');
    await otherSession('alice@example.com', 'curl/8.5.0');
    renderApp(ACCOUNT_PATH);
    await screen.findByRole('heading', { name: 'Unknown browser on an unknown system' });
    await act(() => chooseLanguage('zh-CN'));
    expect(
      await screen.findByRole('heading', { name: '未知浏览器（未知系统）' }),
    ).toBeInTheDocument();
  });

  it('asks before signing out all other sessions, and Cancel keeps them', async () => {
    await signIn('alice@example.com');
    await otherSession('alice@example.com');
    await otherSession('alice@example.com', null);
    const { user } = renderApp(ACCOUNT_PATH);

    expect(
      await screen.findByRole('heading', { name: 'Unknown browser on an unknown system' }),
    ).toBeInTheDocument();
    await user.click(sessionsCard().getByRole('button', { name: 'Sign out all other sessions' }));
    const dialog = screen.getByRole('dialog', { name: 'Sign out all other sessions?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await liveSessionIds('alice@example.com')).toHaveLength(3);

    await user.click(sessionsCard().getByRole('button', { name: 'Sign out all other sessions' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Sign out all other sessions',
      }),
    );

    expect(await screen.findByText('Other sessions were signed out.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await liveSessionIds('alice@example.com')).toHaveLength(1);
  });
});

describe('Login retention time (SESSION-3)', () => {
  it('refuses what is out of range with a message, and saves a valid choice', async () => {
    await signIn('alice@example.com');
    const { user } = renderApp(ACCOUNT_PATH);
    expect(
      await screen.findByText(
        'A session ends after 30 idle minutes, and at the latest 7 days after its login.',
      ),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Change' }));
    const dialog = screen.getByRole('dialog', { name: 'Login retention time' });
    const idle = within(dialog).getByLabelText('Idle time (minutes)');
    const days = within(dialog).getByLabelText('Maximum length (days)');
    await user.clear(idle);
    await user.type(idle, '20');
    await user.clear(days);
    await user.type(days, '8');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(
      within(dialog).getByText('Enter a whole number of minutes from 30 to 1440.'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('Enter a whole number of days from 0 to 7.')).toBeVisible();
    expect(idle).toHaveValue(20);

    await user.clear(idle);
    await user.type(idle, '90');
    await user.clear(days);
    await user.type(days, '0');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Login retention time saved.')).toBeInTheDocument();
    expect(
      await screen.findByText('A session ends after 90 idle minutes; no maximum length.'),
    ).toBeInTheDocument();
    const retention = await mockApi().server.run(
      (state) => state.accounts.find((account) => account.id === 'acc_alice')!.retention,
    );
    expect(retention).toEqual({ idleMinutes: 90, maxDays: 0 });
  });
});

describe('Change password (PASSWORD-1)', () => {
  it('checks the new password as it is typed twice, keeps what was typed on a refusal, then changes it', async () => {
    await signIn('alice@example.com');
    await otherSession('alice@example.com');
    const { user } = renderApp(ACCOUNT_PATH);
    await user.click(await screen.findByRole('button', { name: 'Change password' }));
    const dialog = screen.getByRole('dialog', { name: 'Change password' });
    const current = within(dialog).getByLabelText('Current password');
    const fresh = within(dialog).getByLabelText('New password');
    const repeat = within(dialog).getByLabelText('New password again');
    const submit = within(dialog).getByRole('button', { name: 'Change password' });

    await user.type(current, 'not-my-password');
    await user.type(fresh, 'password1');
    await user.type(repeat, 'password2');
    await user.click(submit);
    expect(
      within(dialog).getByText(
        'This password is one of the most common in breaches. Choose another.',
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('The two new passwords are not the same.')).toBeVisible();

    await user.clear(fresh);
    await user.type(fresh, 'Observability-2027');
    await user.clear(repeat);
    await user.type(repeat, 'Observability-2027');
    await user.click(submit);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The current password is not correct.',
    );
    expect(fresh).toHaveValue('Observability-2027');

    await user.clear(current);
    await user.type(current, DEMO_PASSWORD);
    await user.click(submit);

    expect(
      await screen.findByText('Your password was changed. Other sessions were signed out.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await liveSessionIds('alice@example.com')).toHaveLength(1);
  });

  it('says so when the new password is the current one', async () => {
    await signIn('alice@example.com');
    const { user } = renderApp(ACCOUNT_PATH);
    await user.click(await screen.findByRole('button', { name: 'Change password' }));
    const dialog = screen.getByRole('dialog', { name: 'Change password' });

    await user.type(within(dialog).getByLabelText('Current password'), DEMO_PASSWORD);
    await user.type(within(dialog).getByLabelText('New password'), DEMO_PASSWORD);
    await user.type(within(dialog).getByLabelText('New password again'), DEMO_PASSWORD);
    await user.click(within(dialog).getByRole('button', { name: 'Change password' }));

    expect(
      await within(dialog).findByText('This is your current password. Choose a new one.'),
    ).toBeInTheDocument();
  });

  it('asks an account with MFA for the dynamic code', async () => {
    await signIn('bob@example.com');
    const { user } = renderApp(ACCOUNT_PATH);
    await user.click(await screen.findByRole('button', { name: 'Change password' }));

    const dialog = screen.getByRole('dialog', { name: 'Change password' });
    expect(within(dialog).getByLabelText('6-digit dynamic security code')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
