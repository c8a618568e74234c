import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { SupportTicket } from '@/api/schemas/tickets';
import { seedState, SUPPORT_TOTP_SECRET } from '@/backend/seed';
import { mswServer } from './setup';
import { wrongCode } from './support/authenticator';
import { renderApp } from './support/render-app';
import { freshCode, signIn } from './support/sign-in';
import { actAsAgent, fileTicket, fileUnbindRequest } from './support/tickets';

// The demo password hashes are slow on purpose; make them once, before any test's clock runs.
beforeAll(() => {
  seedState(0);
});

/** Opens a ticket in the console as customer service, optionally accepted beforehand. */
async function openAsAgent(id: string, { accepted = false } = {}) {
  await signIn('support@example.com');
  if (accepted) await actAsAgent(paths.supportTicketAccept.href(id));
  const view = renderApp(`/support/tickets/${id}`);
  await screen.findByRole('heading', { level: 1 });
  return view;
}

/** The card a heading titles. */
function card(name: string): HTMLElement {
  const section = screen.getByRole('heading', { name }).closest('section');
  if (!section) throw new Error(`no card titled ${name}`);
  return section;
}

/** Counts the POSTs that reach the network for one path. */
function countPosts(path: string): { count: number } {
  const seen = { count: 0 };
  mswServer.events.on('request:start', ({ request: sent }) => {
    if (sent.method === 'POST' && new URL(sent.url).pathname === path) seen.count += 1;
  });
  return seen;
}

const agentView = (id: string) => request<SupportTicket>(paths.supportTicket.href(id));

describe('Customer service: one ticket (TICKET-7)', () => {
  it('shows the Unbind MFA review, and asks to accept before anything else', async () => {
    const { id } = await fileUnbindRequest();
    const { user } = await openAsAgent(id);

    expect(screen.getByRole('heading', { level: 1, name: 'Lost my phone' })).toBeInTheDocument();
    const review = card('Unbind MFA review');
    expect(review).toHaveTextContent('Bob Li');
    expect(review).toHaveTextContent('bob@example.com');
    expect(review).toHaveTextContent('Demo Workspace');
    expect(within(review).getByText('Bound')).toBeInTheDocument();
    expect(review).toHaveTextContent('Password verified');
    expect(review).toHaveTextContent('Email verified');
    expect(review).toHaveTextContent('The login page, before the MFA code');
    expect(review).toHaveTextContent('Accept the ticket to unbind MFA.');
    expect(screen.getByText('Accept the ticket to reply to it or process it.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Unbind MFA' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Reply to the submitter')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Accept ticket' }));

    expect(
      await screen.findByText('You accepted the ticket. The submitter was told by email.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Accept ticket' })).not.toBeInTheDocument();
    expect(screen.getAllByText('Waiting for Feedback').length).toBeGreaterThan(0);
    expect(
      within(card('Unbind MFA review')).getByRole('button', { name: 'Unbind MFA' }),
    ).toBeEnabled();
    expect(screen.getByLabelText('Reply to the submitter')).toBeInTheDocument();
    expect((await agentView(id)).status).toBe('waiting_feedback');
  });

  it('replies to the submitter, and refuses an empty reply before sending', async () => {
    const { id } = await fileTicket('alice@example.com', { title: 'Alerts arrive late' });
    const { user } = await openAsAgent(id, { accepted: true });
    const replies = countPosts(paths.supportTicketReplies.href(id));
    // Only an Unbind MFA ticket has something to review.
    expect(screen.queryByRole('heading', { name: 'Unbind MFA review' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Send reply' }));
    expect(await screen.findByText('This field is required.')).toBeInTheDocument();
    expect(replies.count).toBe(0);

    await user.type(screen.getByLabelText('Reply to the submitter'), 'Which alert rule is it?');
    await user.click(screen.getByRole('button', { name: 'Send reply' }));

    expect(
      await screen.findByText('Your reply was sent; the submitter was told by email.'),
    ).toBeInTheDocument();
    const conversation = screen.getByRole('list', { name: 'Conversation' });
    expect(within(conversation).getByRole('article', { name: 'Guance Support' })).toHaveTextContent(
      'Which alert rule is it?',
    );
    expect(screen.getByLabelText('Reply to the submitter')).toHaveValue('');
    expect(screen.getAllByText('Feedback Provided').length).toBeGreaterThan(0);
    expect(replies.count).toBe(1);
  });

  it('closes a ticket only once the agent confirms', async () => {
    const { id } = await fileTicket('alice@example.com');
    const { user } = await openAsAgent(id, { accepted: true });
    const closeButton = screen.getByRole('button', { name: 'Close ticket' });

    await user.click(closeButton);
    let dialog = screen.getByRole('dialog', { name: 'Close this ticket?' });
    expect(dialog).toHaveAccessibleDescription(
      'The submitter is told by email. A closed ticket cannot be reopened.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(closeButton).toHaveFocus();
    expect((await agentView(id)).status).toBe('waiting_feedback');

    await user.click(closeButton);
    dialog = screen.getByRole('dialog', { name: 'Close this ticket?' });
    await user.click(within(dialog).getByRole('button', { name: 'Close ticket' }));

    expect(await screen.findByText('The ticket was closed.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close ticket' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Reply to the submitter')).not.toBeInTheDocument();
    expect((await agentView(id)).status).toBe('closed');
  });

  it("unbinds the requester's MFA after review, with a reply that cannot be empty (TICKET-9)", async () => {
    const { id } = await fileUnbindRequest();
    const { user } = await openAsAgent(id, { accepted: true });
    const unbinds = countPosts(paths.supportTicketUnbindMfa.href(id));

    await user.click(screen.getByRole('button', { name: 'Unbind MFA' }));
    const dialog = screen.getByRole('dialog', { name: 'Unbind MFA from this account?' });
    expect(dialog).toHaveAccessibleDescription(/unbound from bob@example\.com at once/);
    const message = within(dialog).getByLabelText('Reply to the submitter');
    expect(message).toHaveValue(
      'We have checked your request and unbound MFA from your account. Log in with your password, then bind MFA again in Account Management > Security Settings.',
    );

    await user.clear(message);
    await user.click(within(dialog).getByRole('button', { name: 'Unbind and reply' }));
    expect(within(dialog).getByText('This field is required.')).toBeInTheDocument();
    expect(unbinds.count).toBe(0);

    await user.type(message, 'Done. Bind MFA again once you are in.');
    // TICKET-11: the agent's own fresh code is asked for, and checked before sending.
    await user.click(within(dialog).getByRole('button', { name: 'Unbind and reply' }));
    expect(within(dialog).getByText('Enter all 6 digits.')).toBeInTheDocument();
    expect(unbinds.count).toBe(0);
    await user.type(
      within(dialog).getByLabelText('Your 6-digit dynamic security code'),
      await freshCode('support@example.com'),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Unbind and reply' }));

    expect(
      await screen.findByText('MFA was unbound from bob@example.com, and your reply was sent.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const review = card('Unbind MFA review');
    expect(within(review).getByText('Not Bound')).toBeInTheDocument();
    expect(review).toHaveTextContent(/Unbound on /);
    expect(within(review).queryByRole('button', { name: 'Unbind MFA' })).not.toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Conversation' })).getByRole('article', {
        name: 'Guance Support',
      }),
    ).toHaveTextContent('Done. Bind MFA again once you are in.');
    expect(unbinds.count).toBe(1);
    expect((await agentView(id)).review?.mfaBound).toBe(false);
  });

  it('keeps the unbind dialog open with the reason when the server refuses', async () => {
    const { id } = await fileUnbindRequest();
    const { user } = await openAsAgent(id, { accepted: true });
    await user.click(screen.getByRole('button', { name: 'Unbind MFA' }));
    // Another agent closes the ticket meanwhile.
    await actAsAgent(paths.supportTicketClose.href(id));

    const dialog = screen.getByRole('dialog', { name: 'Unbind MFA from this account?' });
    await user.type(
      within(dialog).getByLabelText('Your 6-digit dynamic security code'),
      await freshCode('support@example.com'),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Unbind and reply' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'This ticket has changed in the meantime, so that is no longer possible.',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect((await agentView(id)).review?.mfaBound).toBe(true);
  });

  it("keeps the dialog open on a wrong code of the agent's, says so on the field, and takes the right one by Enter (TICKET-11)", async () => {
    const { id } = await fileUnbindRequest();
    const { user } = await openAsAgent(id, { accepted: true });
    const unbinds = countPosts(paths.supportTicketUnbindMfa.href(id));
    await user.click(screen.getByRole('button', { name: 'Unbind MFA' }));
    const dialog = screen.getByRole('dialog', { name: 'Unbind MFA from this account?' });
    const code = within(dialog).getByLabelText('Your 6-digit dynamic security code');
    expect(code).toHaveFocus();
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');

    await user.type(code, await wrongCode(SUPPORT_TOTP_SECRET));
    await user.keyboard('{Enter}');

    expect(await within(dialog).findByText(/That code is not right/)).toBeInTheDocument();
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect((await agentView(id)).review?.mfaBound).toBe(true);

    await user.clear(code);
    expect(within(dialog).queryByText(/That code is not right/)).not.toBeInTheDocument();
    await user.type(code, await freshCode('support@example.com'));
    await user.keyboard('{Enter}');

    expect(
      await screen.findByText('MFA was unbound from bob@example.com, and your reply was sent.'),
    ).toBeInTheDocument();
    expect(unbinds.count).toBe(2);
  });

  it('shows the computed signals, marking in words those that call for care (TICKET-11)', async () => {
    const { id } = await fileUnbindRequest();
    await openAsAgent(id);

    const review = card('Unbind MFA review');
    const signal = (name: string) => {
      const term = within(review).getByText(name, { selector: 'dt' });
      const value = term.nextElementSibling;
      if (!(value instanceof HTMLElement)) throw new Error(`no value for ${name}`);
      return value;
    };
    expect(signal('Password verified when filed')).toHaveTextContent(/^Yes$/);
    expect(signal('Email verified with a code')).toHaveTextContent(/^Yes$/);
    // The demo accounts are new, and bob has not logged in with his code yet.
    expect(signal('Account age')).toHaveTextContent(/Less than a day \(needs a closer look\)/);
    expect(signal('Last login with MFA')).toHaveTextContent('Never (needs a closer look)');
    expect(signal('Wrong codes in the last 24 h')).toHaveTextContent(/^0$/);
    expect(signal('Other open Unbind MFA requests')).toHaveTextContent(/^0$/);
  });

  it('says why an action failed when the ticket changed behind the page', async () => {
    const { id } = await fileTicket('alice@example.com');
    const { user } = await openAsAgent(id);
    // Another agent accepts it first.
    await actAsAgent(paths.supportTicketAccept.href(id));

    await user.click(screen.getByRole('button', { name: 'Accept ticket' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This ticket has changed in the meantime, so that is no longer possible.',
    );
  });

  it('lets an agent read but not process their own ticket (TICKET-9)', async () => {
    const { id } = await fileTicket('support@example.com', { title: 'My own request' });
    await openAsAgent(id);

    expect(
      screen.getByText(
        'You submitted this ticket, so another agent has to process it. You can read it only.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Accept ticket' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close ticket' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Reply to the submitter')).not.toBeInTheDocument();
  });
});
