import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import { phoneCode, wrongCode } from './support/authenticator';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { signIn } from './support/sign-in';

const ACCOUNT_PATH = '/account';
/** A TOTP step: the code bob logged in with may not be used again (ADR 0008). */
const NEXT_CODE_MS = 30_000;

/** The MFA row's title, whose badge says Bound or Not Bound. */
function mfaRow(status: 'Bound' | 'Not Bound') {
  return screen.findByRole('heading', { name: new RegExp(`^MFA Authentication\\s*${status}$`) });
}

/** The entries of the Security log card, newest first. */
async function securityLog(): Promise<string[]> {
  const card = (await screen.findByRole('heading', { name: 'Security log' })).closest('section');
  if (!card) throw new Error('no Security log card');
  return within(card)
    .getAllByRole('listitem')
    .map((item) => item.firstChild?.firstChild?.textContent ?? '');
}

async function isBound(email: string) {
  return mockApi().server.run(
    (state) => state.accounts.find((account) => account.email === email)?.mfa != null,
  );
}

describe('Account Management > Security Settings (SEC-1, UNBIND-1)', () => {
  it('offers an account without MFA the Bind link, and a log of its sign-in', async () => {
    await signIn('alice@example.com');
    const { user, location } = renderApp(ACCOUNT_PATH);
    expect(await mfaRow('Not Bound')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Unbind' })).not.toBeInTheDocument();
    expect(await screen.findByText('Signed in with password only')).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Bind' }));
    expect(await screen.findByRole('heading', { name: 'Bind MFA' })).toBeInTheDocument();
    expect(location().pathname).toBe('/account/mfa/bind');
  });

  it('shows a bound account when it was bound, and Unbind opens a dialog that cancels cleanly', async () => {
    await signIn('bob@example.com');
    const { user } = renderApp(ACCOUNT_PATH);
    expect(await mfaRow('Bound')).toBeInTheDocument();
    expect(screen.getByText(/^Bound on /)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Bind' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Unbind' }));
    const dialog = screen.getByRole('dialog', { name: 'Unbind MFA' });
    expect(within(dialog).getByLabelText('6-digit dynamic security code')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await isBound('bob@example.com')).toBe(true);
  });

  it('unbinds with the current code after a wrong one; the row and the log follow', async () => {
    await signIn('bob@example.com');
    mockApi().advance(NEXT_CODE_MS);
    const { user } = renderApp(ACCOUNT_PATH);
    await user.click(await screen.findByRole('button', { name: 'Unbind' }));
    const dialog = screen.getByRole('dialog', { name: 'Unbind MFA' });
    const field = within(dialog).getByLabelText('6-digit dynamic security code');

    await user.type(field, await wrongCode(BOB_TOTP_SECRET));
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'That code is not right, or it was just used.',
    );
    expect(await isBound('bob@example.com')).toBe(true);

    await user.clear(field);
    await user.type(field, await phoneCode(BOB_TOTP_SECRET));
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await mfaRow('Not Bound')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Bind' })).toBeInTheDocument();
    // Said in words beside the new badge, as a password change is.
    expect(screen.getByText('MFA was unbound. We sent you an email about it.')).toBeInTheDocument();
    expect(await isBound('bob@example.com')).toBe(false);
    // The log was refetched with the rest of the cache once the session changed.
    await waitFor(async () =>
      expect(await securityLog()).toEqual([
        'MFA unbound',
        'Wrong dynamic code entered',
        'Signed in with password and dynamic code',
      ]),
    );
  });
});
