import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@/api/limits';
import type { CreateTicketRequest, TicketType } from '@/api/schemas/tickets';
import { findAccountByEmail } from '@/backend/domain/accounts';
import { DomainError } from '@/backend/domain/errors';
import { openSession } from '@/backend/domain/sessions';
import { acceptTicket, replyAsAgent, submitTicket } from '@/backend/domain/tickets';
import { seedState } from '@/backend/seed';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { signIn } from './support/sign-in';

beforeAll(() => {
  seedState(0);
});

/** Files tickets for an account straight in the core, oldest first; returns their ids. */
async function file(
  email: string,
  tickets: ReadonlyArray<{ type?: TicketType; title: string }>,
): Promise<string[]> {
  return mockApi().server.run((state, ctx) => {
    const account = findAccountByEmail(state, email);
    if (!account) throw new Error(`no account ${email}`);
    const { session } = openSession(state, ctx, account, 'active', 'ws_demo');
    return tickets.map(({ type = 'bug_report', title }, index) => {
      const input: CreateTicketRequest = {
        type,
        title,
        description: `About ${title}.`,
        attachmentIds: [],
      };
      // Filed over the past hours, 7 minutes apart: within the 10-per-hour limit (GUARD-5).
      const filedAt = ctx.now - (tickets.length - index) * 7 * MINUTE_MS;
      const result = submitTicket(state, { ...ctx, now: filedAt }, session, input, null);
      if (result instanceof DomainError) throw result;
      return result.ticket.id;
    });
  });
}

const rows = () => screen.getAllByRole('row').slice(1);

/** One ticket of alice's, accepted and answered by customer service: Feedback Provided. */
async function answeredTicket(title: string, answer: string): Promise<string> {
  const [id = ''] = await file('alice@example.com', [{ title }]);
  await mockApi().server.run((state, ctx) => {
    const agent = findAccountByEmail(state, 'support@example.com');
    if (!agent) throw new Error('no agent');
    const { session } = openSession(state, ctx, agent, 'active', null);
    acceptTicket(state, ctx, session, id);
    replyAsAgent(state, ctx, session, id, { body: answer, attachmentIds: [] });
  });
  return id;
}

describe('Ticket Management (TICKET-1)', () => {
  it('says there are no tickets yet, and offers to submit one', async () => {
    await signIn('alice@example.com');
    renderApp('/tickets');

    expect(await screen.findByText('No tickets yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All Tickets Demo Workspace' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(screen.getAllByRole('link', { name: 'Submit Ticket' })).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  });

  it("lists the workspace's tickets in All Tickets and only one's own in My Tickets", async () => {
    await file('owner@example.com', [{ title: 'Owner asks' }]);
    await file('alice@example.com', [{ title: 'Alice asks' }]);
    await signIn('alice@example.com');
    const { user, location } = renderApp('/tickets');

    await screen.findByRole('link', { name: 'Owner asks' });
    expect(rows()).toHaveLength(2);
    await user.click(screen.getByRole('link', { name: 'My Tickets' }));

    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.getByRole('link', { name: 'Alice asks' })).toBeInTheDocument();
    expect(location().search).toBe('?view=mine');
  });

  it('filters by type and status, searches, and says when nothing matches', async () => {
    await file('alice@example.com', [
      { title: 'Alerts arrive late' },
      { type: 'feature_request', title: 'Dark mode' },
      { type: 'feature_request', title: 'Export to PDF' },
    ]);
    await signIn('alice@example.com');
    const { user, location } = renderApp('/tickets');
    await screen.findByRole('link', { name: 'Dark mode' });

    await user.selectOptions(screen.getByLabelText('Type'), 'feature_request');
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(location().search).toBe('?type=feature_request');
    await user.type(screen.getByLabelText('Search'), 'pdf');
    await waitFor(() => expect(rows()).toHaveLength(1));
    await user.selectOptions(screen.getByLabelText('Status'), 'closed');

    expect(await screen.findByText('No tickets match these filters')).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByLabelText('Search')).toHaveValue('');
  });

  it('pages on the server', async () => {
    await file(
      'alice@example.com',
      Array.from({ length: 25 }, (_, index) => ({ title: `Ticket ${index + 1}` })),
    );
    await signIn('alice@example.com');
    const { user } = renderApp('/tickets');
    await screen.findByRole('link', { name: 'Ticket 25' });
    expect(rows()).toHaveLength(20);
    const pages = screen.getByRole('navigation', { name: 'Pages' });
    expect(within(pages).getByText('1–20 of 25')).toBeInTheDocument();

    await user.click(within(pages).getByRole('button', { name: /Next/ }));

    await screen.findByRole('link', { name: 'Ticket 1' });
    expect(rows()).toHaveLength(5);
    expect(within(pages).getByText('Page 2 of 2')).toBeInTheDocument();
    expect(within(pages).getByRole('button', { name: /Next/ })).toBeDisabled();
  });
});

describe('ticket detail (TICKET-6)', () => {
  it('cancels a waiting ticket after asking, then offers only to restart it', async () => {
    const [id] = await file('alice@example.com', [{ title: 'Wrong invoice' }]);
    await signIn('alice@example.com');
    const { user } = renderApp(`/tickets/${id}`);
    await screen.findByRole('heading', { name: 'Wrong invoice' });
    expect(screen.getByRole('textbox', { name: 'Your reply' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close ticket' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Cancel ticket' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel this ticket?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel ticket' }));

    expect(await screen.findByRole('button', { name: 'Restart ticket' })).toBeInTheDocument();
    expect(screen.getAllByText('Canceled').length).toBeGreaterThan(0);
    expect(screen.queryByRole('textbox', { name: 'Your reply' })).not.toBeInTheDocument();
    expect(screen.getByText(/^The ticket was canceled ·/)).toBeInTheDocument();
  });

  it('closes a ticket with feedback, then takes a rating and no more replies', async () => {
    const id = await answeredTicket('Slow charts', 'Fixed in 2.4.');
    await signIn('alice@example.com');
    const { user } = renderApp(`/tickets/${id}`);
    expect(await screen.findByText('Fixed in 2.4.')).toBeInTheDocument();
    expect(screen.getByText('Closes by itself on')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Close ticket' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Close this ticket?' })).getByRole('button', {
        name: 'Close ticket',
      }),
    );
    await screen.findByRole('group', { name: 'How well did customer service help?' });
    expect(screen.queryByRole('textbox', { name: 'Your reply' })).not.toBeInTheDocument();
    expect(
      screen.getByText('This ticket is closed and takes no more replies.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: '4 of 5 stars' }));
    await user.type(screen.getByLabelText('Comment (optional)'), 'Quick fix.');
    await user.click(screen.getByRole('button', { name: 'Submit rating' }));

    expect(await screen.findByText('Thank you for your rating.')).toBeInTheDocument();
    expect(screen.getByText('Quick fix.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit rating' })).not.toBeInTheDocument();
  });

  it('still offers Close ticket after the member replies to feedback, while the ticket is open', async () => {
    const id = await answeredTicket('Slow export', 'Which export?');
    await signIn('alice@example.com');
    const { user } = renderApp(`/tickets/${id}`);
    await screen.findByText('Which export?');

    await user.type(screen.getByRole('textbox', { name: 'Your reply' }), 'The CSV one.');
    await user.click(screen.getByRole('button', { name: 'Send reply' }));
    expect(await screen.findByText('Your reply was sent.')).toBeInTheDocument();
    expect(screen.getAllByText('Waiting for Feedback').length).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Close ticket' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Close this ticket?' })).getByRole('button', {
        name: 'Close ticket',
      }),
    );
    expect(
      await screen.findByText('This ticket is closed and takes no more replies.'),
    ).toBeInTheDocument();
  });

  it("shows a colleague's ticket to read, with no actions", async () => {
    const [id] = await file('owner@example.com', [{ title: 'Owner asks' }]);
    await signIn('alice@example.com');
    renderApp(`/tickets/${id}`);

    expect(
      await screen.findByText(/Submitted by Olivia Owner\. You can follow this ticket/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel ticket' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Your reply' })).not.toBeInTheDocument();
  });
});
