import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { signIn } from './support/sign-in';

describe('the customer-service console needs MFA (TICKET-11)', () => {
  it('shows an agent without MFA the way to bind, which returns to the console, and no queue', async () => {
    await mockApi().server.run((state) => {
      const agent = state.accounts.find((account) => account.email === 'support@example.com');
      if (agent) agent.mfa = null;
    });
    await signIn('support@example.com');
    renderApp('/support');

    expect(
      await screen.findByRole('heading', { name: 'Bind MFA to use the customer-service console' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Bind MFA now' })).toHaveAttribute(
      'href',
      '/account/mfa/bind?returnTo=%2Fsupport',
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('opens the queue to an agent with MFA', async () => {
    await signIn('support@example.com');
    renderApp('/support');

    expect(await screen.findByRole('heading', { name: 'Customer Service' })).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Bind MFA to use the customer-service console' }),
    ).not.toBeInTheDocument();
  });
});
