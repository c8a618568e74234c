import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { sendRequestsThrough, type Transport } from '@/api/client';
import { renderApp } from './support/render-app';

const network: Transport = (url, init) => fetch(url, init);

/** A backend that answers only once the test lets it, like the mock starting in a new tab. */
function startingBackend() {
  let ready = () => {};
  sendRequestsThrough(new Promise<Transport>((resolve) => (ready = () => resolve(network))));
  return { ready: () => ready() };
}

afterEach(() => sendRequestsThrough(Promise.resolve(network)));

describe('the login page before the backend answers (SPEC 13)', () => {
  it('paints the form at once, holds only the submit, and logs in once the backend is there', async () => {
    const backend = startingBackend();
    const { user } = renderApp('/login');
    expect(await screen.findByRole('heading', { name: 'Log in to Guance' })).toBeInTheDocument();

    await user.type(screen.getByLabelText('Email'), 'owner@example.com');
    await user.type(screen.getByLabelText('Password'), 'Guance@2026');
    const submit = screen.getByRole('button', { name: 'Log in' });
    await user.click(submit);
    expect(submit).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByLabelText('Email')).toHaveValue('owner@example.com');

    backend.ready();
    expect(
      await screen.findByRole('heading', { name: 'Welcome to Demo Workspace' }),
    ).toBeInTheDocument();
  });

  it('waits for the session before any other page', async () => {
    const backend = startingBackend();
    renderApp('/account');
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
    backend.ready();
    expect(await screen.findByRole('heading', { name: 'Log in to Guance' })).toBeInTheDocument();
  });
});
