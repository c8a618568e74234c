import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { signIn } from './support/sign-in';
import { ownerHasMfa } from './support/workspace';

const SECURITY_PATH = '/w/ws_demo/settings/security';

async function policyOf(workspaceId: string) {
  return mockApi().server.run(
    (state) => state.workspaces.find((w) => w.id === workspaceId)?.mfaRequired,
  );
}

describe('Workspace Settings > Security (MANDATORY-1, MANDATORY-2)', () => {
  it('asks the owner to confirm, naming how many members have not bound MFA', async () => {
    await ownerHasMfa();
    await signIn('owner@example.com');
    const { user } = renderApp(SECURITY_PATH);
    const policySwitch = await screen.findByRole('switch', { name: 'MFA Security Authentication' });
    expect(policySwitch).toHaveAttribute('aria-checked', 'false');

    await user.click(policySwitch);
    const dialog = screen.getByRole('dialog', { name: 'Switch on MFA Security Authentication?' });
    // Alice has not bound MFA; Bob and the owner have.
    expect(dialog).toHaveTextContent('1 member has not bound MFA yet.');
    expect(await policyOf('ws_demo')).toBe(false);

    await user.click(within(dialog).getByRole('button', { name: 'Switch on' }));
    expect(await screen.findByText('MFA Security Authentication is now on.')).toBeInTheDocument();
    expect(policySwitch).toHaveAttribute('aria-checked', 'true');
    expect(await policyOf('ws_demo')).toBe(true);
  });

  it('changes nothing when the confirmation is cancelled', async () => {
    await ownerHasMfa();
    await signIn('owner@example.com');
    const { user } = renderApp(SECURITY_PATH);
    await user.click(await screen.findByRole('switch', { name: 'MFA Security Authentication' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await policyOf('ws_demo')).toBe(false);
  });

  it('asks to switch off too', async () => {
    await ownerHasMfa();
    await mockApi().server.run((state) => {
      const workspace = state.workspaces.find((w) => w.id === 'ws_demo');
      if (workspace) workspace.mfaRequired = true;
    });
    await signIn('owner@example.com');
    const { user } = renderApp(SECURITY_PATH);
    await user.click(await screen.findByRole('switch', { name: 'MFA Security Authentication' }));
    const dialog = screen.getByRole('dialog', { name: 'Switch off MFA Security Authentication?' });
    await user.click(within(dialog).getByRole('button', { name: 'Switch off' }));
    expect(await screen.findByText('MFA Security Authentication is now off.')).toBeInTheDocument();
    expect(await policyOf('ws_demo')).toBe(false);
  });

  it('tells an owner without MFA to bind first and keeps the switch off', async () => {
    await signIn('owner@example.com');
    renderApp(SECURITY_PATH);
    const policySwitch = await screen.findByRole('switch', { name: 'MFA Security Authentication' });
    expect(policySwitch).toBeDisabled();
    expect(screen.getByText(/Bind MFA to your own account first/)).toBeInTheDocument();
    // BIND-7: the wizard returns here once done.
    expect(screen.getByRole('link', { name: 'Bind MFA now' })).toHaveAttribute(
      'href',
      `/account/mfa/bind?returnTo=${encodeURIComponent(SECURITY_PATH)}`,
    );
  });

  it('shows a member the policy read-only', async () => {
    await signIn('alice@example.com');
    renderApp(SECURITY_PATH);
    const policySwitch = await screen.findByRole('switch', { name: 'MFA Security Authentication' });
    expect(policySwitch).toBeDisabled();
    expect(policySwitch).toHaveAttribute('aria-checked', 'false');
    expect(screen.getByText('Only the workspace Owner can change this.')).toBeInTheDocument();
  });
});
