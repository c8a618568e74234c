import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { phoneCode, wrongCode } from './support/authenticator';
import { enterCode } from './support/code-entry';
import { emailCodeFor } from './support/mailbox';
import { mockApi } from './support/mock-api';
import { keepRecoveryCodes } from './support/recovery-codes';
import { renderApp } from './support/render-app';
import { signIn } from './support/sign-in';

const ALICE = 'alice@example.com';
const BIND_PATH = '/account/mfa/bind';

type User = ReturnType<typeof renderApp>['user'];

/** BIND-1: asks for the email code and enters it from the mailbox. */
async function verifyIdentity(user: User, email = ALICE, masked = /a\*\*\*e@example\.com/) {
  expect(await screen.findByRole('heading', { name: 'Verify your identity' })).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Get Verification Code' }));
  expect(
    await screen.findByText((text) => text.startsWith('A code was sent to') && masked.test(text)),
  ).toBeInTheDocument();
  await enterCode(user, 'Email verification code', await emailCodeFor(email));
  expect(
    await screen.findByRole('heading', { name: 'Scan the QR code with your authenticator app' }),
  ).toBeInTheDocument();
}

/** BIND-2 "Can't scan?": the secret as a person would type it into their app. */
async function readSetupKey(user: User): Promise<string> {
  await screen.findByRole('img', { name: /QR code for adding/ });
  await user.click(screen.getByText("Can't scan the QR code?"));
  return (screen.getByLabelText('Setup key').textContent ?? '').replace(/\s/g, '');
}

async function bindingOf(email: string) {
  return mockApi().server.run((state) => ({
    mfa: state.accounts.find((account) => account.email === email)?.mfa ?? null,
    pending: state.enrollments.filter((entry) =>
      state.accounts.some((account) => account.id === entry.accountId && account.email === email),
    ).length,
  }));
}

describe('Bind MFA page (BIND-1 to BIND-4)', () => {
  it('walks the three steps to "MFA is bound", then back to Account Management', async () => {
    await signIn(ALICE);
    const { user, location } = renderApp('/w/ws_demo');
    await user.click(await screen.findByRole('link', { name: 'Go to Security Settings' }));
    await user.click(await screen.findByRole('link', { name: 'Bind' }));
    expect(await screen.findByRole('heading', { name: 'Bind MFA' })).toBeInTheDocument();
    expect(location().pathname).toBe(BIND_PATH);

    await verifyIdentity(user);
    const secret = await readSetupKey(user);
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      await screen.findByRole('heading', { name: 'Enter the dynamic code' }),
    ).toBeInTheDocument();

    // A wrong code is an error in the step, not a way past it.
    await enterCode(user, '6-digit dynamic security code', await wrongCode(secret));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That code is not right, or it was just used.',
    );
    expect(screen.getByRole('heading', { name: 'Enter the dynamic code' })).toBeInTheDocument();
    expect((await bindingOf(ALICE)).mfa).toBeNull();

    await enterCode(user, '6-digit dynamic security code', await phoneCode(secret));
    expect(await keepRecoveryCodes(user)).toHaveLength(10);
    expect(await screen.findByRole('heading', { name: 'MFA is bound' })).toBeInTheDocument();
    const binding = await bindingOf(ALICE);
    expect(binding.mfa?.secret).toBe(secret);
    expect(binding.pending).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Return to Account Management' }));
    expect(await screen.findByRole('heading', { name: 'Account Management' })).toBeInTheDocument();
    expect(location().pathname).toBe('/account');
    // The account was refetched after the binding, so the row no longer offers Bind.
    expect(
      await screen.findByRole('heading', { name: /^MFA Authentication\s*Bound$/ }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Unbind' })).toBeInTheDocument();

    // The session was refetched too: the home page no longer asks to bind.
    await user.click(screen.getByRole('link', { name: 'Home' }));
    expect(
      await screen.findByRole('heading', { name: 'Welcome to Demo Workspace' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Go to Security Settings' })).not.toBeInTheDocument();
  });

  it('discards the pending secret when cancelled, and starts over next time', async () => {
    await signIn(ALICE);
    const { user, location } = renderApp(BIND_PATH);
    await verifyIdentity(user);
    await readSetupKey(user);
    expect((await bindingOf(ALICE)).pending).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Cancel binding' }));
    expect(await screen.findByRole('heading', { name: 'Account Management' })).toBeInTheDocument();
    expect(location().pathname).toBe('/account');
    expect(await bindingOf(ALICE)).toEqual({ mfa: null, pending: 0 });
    expect(
      await screen.findByRole('heading', { name: /^MFA Authentication\s*Not Bound$/ }),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Bind' }));
    expect(
      await screen.findByRole('heading', { name: 'Verify your identity' }),
    ).toBeInTheDocument();
    const steps = screen.getByRole('list', { name: 'Binding steps' });
    expect(within(steps).getByText('Verify identity').closest('li')).toHaveAttribute(
      'aria-current',
      'step',
    );
  });

  it('resumes at the app step when left without cancelling (BIND-1)', async () => {
    await signIn(ALICE);
    const first = renderApp(BIND_PATH);
    await verifyIdentity(first.user);
    const firstSecret = await readSetupKey(first.user);
    first.unmount();

    const again = renderApp(BIND_PATH);
    expect(
      await screen.findByRole('heading', { name: 'Scan the QR code with your authenticator app' }),
    ).toBeInTheDocument();
    // BIND-5: the same secret, so the entry already scanned keeps working.
    expect(await readSetupKey(again.user)).toBe(firstSecret);
    expect((await bindingOf(ALICE)).pending).toBe(1);
  });

  it('returns to Workspace Security when the bind started there (BIND-7)', async () => {
    await signIn('owner@example.com');
    const { user, location } = renderApp('/w/ws_demo/settings/security');
    await user.click(await screen.findByRole('link', { name: 'Bind MFA now' }));
    expect(await screen.findByRole('heading', { name: 'Bind MFA' })).toBeInTheDocument();

    await verifyIdentity(user, 'owner@example.com', /o\*\*\*r@example\.com/);
    const secret = await readSetupKey(user);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await enterCode(user, '6-digit dynamic security code', await phoneCode(secret));
    await keepRecoveryCodes(user);
    await user.click(await screen.findByRole('button', { name: 'Return to Workspace Security' }));

    expect(location().pathname).toBe('/w/ws_demo/settings/security');
    expect(
      await screen.findByRole('switch', { name: 'MFA Security Authentication' }),
    ).toBeEnabled();
  });

  it('goes back to where it started when cancelled there (BIND-7)', async () => {
    await signIn('owner@example.com');
    const { user, location } = renderApp(
      `${BIND_PATH}?returnTo=${encodeURIComponent('/w/ws_demo/settings/security')}`,
    );
    await user.click(await screen.findByRole('button', { name: 'Cancel binding' }));
    expect(
      await screen.findByRole('switch', { name: 'MFA Security Authentication' }),
    ).toBeInTheDocument();
    expect(location().pathname).toBe('/w/ws_demo/settings/security');
  });

  it('ignores a returnTo that is not a page it can return to', async () => {
    await signIn(ALICE);
    const { user, location } = renderApp(
      `${BIND_PATH}?returnTo=${encodeURIComponent('//evil.example')}`,
    );
    await user.click(await screen.findByRole('button', { name: 'Cancel binding' }));
    expect(await screen.findByRole('heading', { name: 'Account Management' })).toBeInTheDocument();
    expect(location().pathname).toBe('/account');
  });
});
