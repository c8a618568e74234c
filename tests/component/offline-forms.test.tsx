import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mswServer } from './setup';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';

/** Every request to the API fails as a network error, like the dev tools' Offline switch. */
function goOffline() {
  mswServer.use(http.all('*/api/v1/*', () => HttpResponse.error()));
}

function goOnline() {
  mswServer.resetHandlers(...mockApi().handlers);
}

/** The session request has failed, so anything that would replace the page has done so. */
async function sessionFailed() {
  await waitFor(() => expect(requests.failed).toBeGreaterThan(0));
}

const requests = { failed: 0 };
function countFailure() {
  requests.failed += 1;
}

beforeEach(() => {
  requests.failed = 0;
  mswServer.events.on('request:end', countFailure);
});
afterEach(() => mswServer.events.removeListener('request:end', countFailure));

describe('a first request that fails keeps the form (QUAL-1)', () => {
  it('keeps the login form and what was typed, says the server cannot be reached, then logs in', async () => {
    goOffline();
    const { user } = renderApp('/login');
    await user.type(await screen.findByLabelText('Email'), 'owner@example.com');
    await user.type(screen.getByLabelText('Password'), 'Guance@2026');
    await sessionFailed();
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot reach the server.');
    expect(screen.getByRole('heading', { name: 'Log in to Guance' })).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveValue('owner@example.com');
    expect(screen.getByLabelText('Password')).toHaveValue('Guance@2026');
    expect(screen.queryByText('This could not be loaded.')).not.toBeInTheDocument();

    goOnline();
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(
      await screen.findByRole('heading', { name: 'Welcome to Demo Workspace' }),
    ).toBeInTheDocument();
  });

  it('shows the password reset form without a session, and keeps the email when sending fails', async () => {
    goOffline();
    const { user } = renderApp('/password-reset');
    await user.type(await screen.findByLabelText('Email'), 'alice@example.com');
    await sessionFailed();
    await user.click(screen.getByRole('button', { name: 'Send verification code' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot reach the server.');
    expect(screen.getByLabelText('Email')).toHaveValue('alice@example.com');
    expect(screen.queryByText('This could not be loaded.')).not.toBeInTheDocument();
  });
});
