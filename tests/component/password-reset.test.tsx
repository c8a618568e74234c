import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emailCodeFor } from './support/mailbox';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';

const NEW_PASSWORD = 'Observability-2027';

async function passwordHashOf(email: string) {
  return mockApi().server.run(
    (state) => state.accounts.find((account) => account.email === email)!.password.hash,
  );
}

describe('Forgot password? (PASSWORD-2)', () => {
  it('leads from the login to a reset by email code, then back to the login', async () => {
    const before = await passwordHashOf('bob@example.com');
    const { user, location } = renderApp('/login');
    await user.type(await screen.findByLabelText('Email'), 'bob@example.com');
    await user.click(screen.getByRole('link', { name: 'Forgot password?' }));
    expect(await screen.findByRole('heading', { name: 'Reset your password' })).toBeInTheDocument();
    expect(location().pathname).toBe('/password-reset');

    // The email typed on the login page comes along; it is not in the address.
    expect(screen.getByLabelText('Email')).toHaveValue('bob@example.com');
    expect(location().search).toBe('');
    await user.click(screen.getByRole('button', { name: 'Send verification code' }));
    expect(
      await screen.findByText(/^If an account uses bob@example.com, a verification code/),
    ).toBeInTheDocument();

    const code = screen.getByLabelText('Email verification code');
    await user.type(code, await emailCodeFor('bob@example.com'));
    await user.type(screen.getByLabelText('New password'), NEW_PASSWORD);
    await user.type(screen.getByLabelText('New password again'), NEW_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Reset password' }));

    expect(await screen.findByRole('heading', { name: 'Password reset' })).toBeInTheDocument();
    expect(screen.getByText(/the dynamic code is still asked for/)).toBeInTheDocument();
    expect(await passwordHashOf('bob@example.com')).not.toBe(before);
    const bob = await mockApi().server.run((state) =>
      state.accounts.find((account) => account.id === 'acc_bob')!,
    );
    expect(bob.mfa).not.toBeNull();

    // One way back to the login, not two.
    expect(screen.queryByRole('link', { name: 'Back to login' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Go to login' }));
    expect(await screen.findByRole('heading', { name: 'Log in to Guance' })).toBeInTheDocument();
  });

  it('says the same for an email without an account, and a wrong code keeps what was typed', async () => {
    const { user } = renderApp('/password-reset');
    await user.type(await screen.findByLabelText('Email'), 'nobody@example.com');
    await user.click(screen.getByRole('button', { name: 'Send verification code' }));
    expect(
      await screen.findByText(/^If an account uses nobody@example.com, a verification code/),
    ).toBeInTheDocument();

    await user.type(screen.getByLabelText('Email verification code'), '123456');
    await user.type(screen.getByLabelText('New password'), NEW_PASSWORD);
    await user.type(screen.getByLabelText('New password again'), NEW_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Reset password' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(/code/i);
    expect(screen.getByLabelText('New password')).toHaveValue(NEW_PASSWORD);
  });

  it('refuses a weak or mistyped new password before sending anything', async () => {
    const { user } = renderApp('/password-reset');
    await user.type(await screen.findByLabelText('Email'), 'alice@example.com');
    await user.click(screen.getByRole('button', { name: 'Send verification code' }));
    await user.type(
      await screen.findByLabelText('Email verification code'),
      await emailCodeFor('alice@example.com'),
    );
    await user.type(screen.getByLabelText('New password'), 'alice@example.com');
    await user.type(screen.getByLabelText('New password again'), 'something else');
    await user.click(screen.getByRole('button', { name: 'Reset password' }));

    expect(screen.getByText('Do not use your email as your password.')).toBeInTheDocument();
    expect(screen.getByText('The two new passwords are not the same.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Reset your password' })).toBeInTheDocument();
  });
});
