import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';

const PASSWORD = 'Guance@2026';

async function logIn(user: ReturnType<typeof renderApp>['user'], email: string, password: string) {
  await user.clear(screen.getByLabelText('Email'));
  await user.type(screen.getByLabelText('Email'), email);
  await user.clear(screen.getByLabelText('Password'));
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Log in' }));
}

/** Five wrong passwords in a row lock alice's password entry (LOGIN-5). */
async function lockAlice(user: ReturnType<typeof renderApp>['user']) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    await logIn(user, 'alice@example.com', `wrong-${attempt}`);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Log in' })).not.toHaveAttribute(
        'aria-busy',
        'true',
      ),
    );
  }
}

describe('login form (LOGIN-1)', () => {
  it('sends an anonymous visitor of a console page to the login page, then back there', async () => {
    const { user, location } = renderApp('/account');
    expect(await screen.findByRole('heading', { name: 'Log in to Guance' })).toBeInTheDocument();
    expect(location().search).toBe('?returnTo=%2Faccount');
    await logIn(user, 'alice@example.com', PASSWORD);
    expect(await screen.findByRole('heading', { name: 'Account Management' })).toBeInTheDocument();
    expect(location().pathname).toBe('/account');
  });

  it('lands a member on the home page of their workspace', async () => {
    const { user } = renderApp('/login');
    await screen.findByRole('heading', { name: 'Log in to Guance' });
    await logIn(user, 'owner@example.com', PASSWORD);
    expect(
      await screen.findByRole('heading', { name: 'Welcome to Demo Workspace' }),
    ).toBeInTheDocument();
  });

  it('says the same thing for a wrong password and an unknown email, and keeps what was typed', async () => {
    const { user } = renderApp('/login');
    await screen.findByRole('heading', { name: 'Log in to Guance' });
    await logIn(user, 'alice@example.com', 'wrong-password');
    const first = await screen.findByRole('alert');
    expect(first).toHaveTextContent('Incorrect email or password.');
    expect(screen.getByLabelText('Email')).toHaveValue('alice@example.com');
    expect(screen.getByLabelText('Password')).toHaveValue('wrong-password');

    await logIn(user, 'nobody@example.com', 'wrong-password');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Log in' })).toBeEnabled());
    expect(screen.getByRole('alert')).toHaveTextContent('Incorrect email or password.');
  });

  it('checks the email before sending anything', async () => {
    const { user } = renderApp('/login');
    await screen.findByRole('heading', { name: 'Log in to Guance' });
    await logIn(user, 'not-an-email', PASSWORD);
    expect(await screen.findByText('Enter a valid email address.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    const outbox = await mockApi().server.run((state) => state.sessions.length);
    expect(outbox).toBe(0);
  });

  it('locks after five wrong passwords, says until when, and keeps the form disabled', async () => {
    const { user } = renderApp('/login');
    await screen.findByRole('heading', { name: 'Log in to Guance' });
    for (let attempt = 1; attempt <= 4; attempt++) {
      await logIn(user, 'alice@example.com', `wrong-${attempt}`);
      await waitFor(() => expect(screen.getByRole('button', { name: 'Log in' })).toBeEnabled());
    }
    await logIn(user, 'alice@example.com', 'wrong-5');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Login is locked')).toBeInTheDocument();
    expect(alert).toHaveTextContent(/Too many failed attempts\. Try again after .+\./);
    expect(screen.getByRole('button', { name: 'Log in' })).toBeDisabled();
  });

  it('keeps a lock to the locked email, and offers a reset that carries it (GUARD-4)', async () => {
    const { user, location } = renderApp('/login');
    await screen.findByRole('heading', { name: 'Log in to Guance' });
    await lockAlice(user);
    const submit = screen.getByRole('button', { name: 'Log in' });
    await waitFor(() => expect(submit).toBeDisabled());

    await user.clear(screen.getByLabelText('Email'));
    await user.type(screen.getByLabelText('Email'), 'owner@example.com');
    expect(submit).toBeEnabled();
    expect(screen.queryByText('Login is locked')).not.toBeInTheDocument();

    await user.clear(screen.getByLabelText('Email'));
    await user.type(screen.getByLabelText('Email'), ' Alice@Example.com');
    expect(submit).toBeDisabled();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Resetting your password lifts the lock.');
    await user.click(within(alert).getByRole('link', { name: 'Forgot password?' }));
    expect(await screen.findByRole('heading', { name: 'Reset your password' })).toBeInTheDocument();
    expect(location().pathname).toBe('/password-reset');
    expect(location().search).toBe('');
    expect(screen.getByLabelText('Email')).toHaveValue('Alice@Example.com');
  });

  it('lets another email log in at once in the same tab after a lock', async () => {
    const { user } = renderApp('/login');
    await screen.findByRole('heading', { name: 'Log in to Guance' });
    await lockAlice(user);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Log in' })).toBeDisabled());
    await logIn(user, 'owner@example.com', PASSWORD);
    expect(
      await screen.findByRole('heading', { name: 'Welcome to Demo Workspace' }),
    ).toBeInTheDocument();
  });

  it('shows the code step, not the console, to an account with MFA bound (LOGIN-2)', async () => {
    const { user, location } = renderApp('/account');
    await screen.findByRole('heading', { name: 'Log in to Guance' });
    await logIn(user, 'bob@example.com', PASSWORD);
    expect(
      await screen.findByRole('heading', { name: 'Enter your dynamic code' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/bob@example\.com/)).toBeInTheDocument();
    expect(location().pathname).toBe('/login');
    expect(screen.queryByRole('heading', { name: 'Account Management' })).not.toBeInTheDocument();
  });

  it("switches to Simplified Chinese, the demo build's password hint too", async () => {
    const { user } = renderApp('/login');
    await screen.findByRole('heading', { name: 'Log in to Guance' });
    expect(screen.getByText('Demo accounts use the password Guance@2026.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Language'), 'zh-CN');
    expect(await screen.findByRole('heading', { name: '登录 Guance' })).toBeInTheDocument();
    expect(screen.getByLabelText('邮箱')).toBeInTheDocument();
    expect(screen.getByText('演示账号的密码均为 Guance@2026。')).toBeInTheDocument();
  });
});
