import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { signIn } from './support/sign-in';

async function ownerSession() {
  return mockApi().server.run((state) => {
    const session = state.sessions.find((entry) => entry.accountId === 'acc_owner');
    return session && { state: session.state, workspaceId: session.workspaceId };
  });
}

describe('a workspace reached by URL is entered on purpose (GUARD-2)', () => {
  it('sends an unbound owner who types the URL of Secure Workspace to the forced bind', async () => {
    await signIn('owner@example.com');
    const { location } = renderApp('/w/ws_secure/members');

    expect(
      await screen.findByRole('heading', { name: 'Bind MFA to enter Secure Workspace' }),
    ).toBeInTheDocument();
    expect(`${location().pathname}${location().search}`).toBe(
      '/login?returnTo=%2Fw%2Fws_secure%2Fmembers',
    );
    expect(await ownerSession()).toEqual({
      state: 'mfa_setup_required',
      workspaceId: 'ws_secure',
    });
  });

  it('makes a workspace of the URL the current one before its page loads', async () => {
    await mockApi().server.run((state) => {
      const secure = state.workspaces.find((workspace) => workspace.id === 'ws_secure');
      if (secure) secure.mfaRequired = false;
    });
    await signIn('owner@example.com');
    renderApp('/w/ws_secure');

    expect(
      await screen.findByRole('heading', { name: 'Welcome to Secure Workspace' }),
    ).toBeInTheDocument();
    expect(await ownerSession()).toEqual({ state: 'active', workspaceId: 'ws_secure' });
  });
});
