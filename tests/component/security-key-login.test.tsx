import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { signIn } from './support/sign-in';

/** Bob with one key on file, as if he had added it (the key itself is never asked here). */
async function giveBobAKey() {
  await mockApi().server.run((state, ctx) => {
    state.securityKeys.push({
      id: 'key_desk',
      accountId: 'acc_bob',
      credentialId: 'Y3JlZGVudGlhbA',
      publicKey: 'cHVibGlj',
      counter: 0,
      transports: ['usb'],
      name: 'Desk key',
      addedAt: ctx.now,
      lastUsedAt: null,
    });
  });
}

/** A browser that speaks WebAuthn, whose prompt the user closes. */
function browserWithClosedPrompt() {
  vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
  Object.defineProperty(navigator, 'credentials', {
    configurable: true,
    value: {
      get: () => Promise.reject(new DOMException('The operation was aborted.', 'NotAllowedError')),
    },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'credentials');
});

describe('the login code step of an account with a security key (KEY-2)', () => {
  it('never offers the key in a browser without WebAuthn: the code is asked, as before', async () => {
    await giveBobAKey();
    await signIn('bob@example.com', 'mfa_required');
    renderApp('/login');
    expect(await screen.findByRole('heading', { name: 'Enter your dynamic code' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Use a security key' })).not.toBeInTheDocument();
  });

  it('offers the key first; a closed prompt is an ordinary message, with a retry and the code', async () => {
    browserWithClosedPrompt();
    await giveBobAKey();
    await signIn('bob@example.com', 'mfa_required');
    const { user } = renderApp('/login');
    await screen.findByRole('heading', { name: 'Use your security key' });

    await user.click(screen.getByRole('button', { name: 'Use a security key' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The security key prompt was closed or timed out. Try again, or use a code instead.',
    );
    expect(screen.getByRole('button', { name: 'Try the security key again' })).toBeEnabled();

    await user.click(screen.getByRole('button', { name: 'Use a dynamic code instead' }));
    expect(await screen.findByRole('heading', { name: 'Enter your dynamic code' })).toBeVisible();
    expect(screen.getByLabelText('6-digit dynamic security code')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Use a security key' })).toBeVisible();
  });
});
