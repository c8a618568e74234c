import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import { emailCodeFor } from './support/mailbox';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { signIn } from './support/sign-in';

/** Bob, stuck at the code step, files an Unbind MFA request; returns the link his mailbox got. */
async function fileRequestAndReadLink(title = 'Lost my phone'): Promise<string> {
  await signIn('bob@example.com', 'mfa_required');
  await request(paths.ticketEmailCode.href, { method: 'POST' });
  await request(paths.tickets.href, {
    method: 'POST',
    body: {
      type: 'unbind_mfa',
      title,
      description: 'Please unbind MFA.',
      attachmentIds: [],
      emailCode: await emailCodeFor('bob@example.com'),
    },
  });
  const body = await mockApi().server.run(
    (state) => state.outbox.find((mail) => mail.subject.includes('An Unbind MFA request'))?.body,
  );
  const link = /\/unbind-requests\/cancel\?token=[\w-]+/.exec(body ?? '')?.[0];
  if (!link) throw new Error(`no link in ${body}`);
  return link;
}

describe('the notice email link cancels an Unbind MFA request (TICKET-12)', () => {
  it('asks first, then cancels, says so, and MFA stays bound', async () => {
    const link = await fileRequestAndReadLink();
    const { user } = renderApp(link);

    expect(
      await screen.findByRole('heading', { name: 'Cancel the Unbind MFA request' }),
    ).toBeInTheDocument();
    const statuses = () =>
      mockApi().server.run((state) => state.tickets.map((ticket) => ticket.status));
    expect(await statuses()).toEqual(['waiting_assignment']);

    await user.click(screen.getByRole('button', { name: 'Cancel the request' }));

    expect(await screen.findByText(/^Request TK\d+ was canceled\./)).toBeInTheDocument();
    expect(await statuses()).toEqual(['canceled']);
    expect(
      await mockApi().server.run(
        (state) => state.accounts.find((account) => account.email === 'bob@example.com')?.mfa,
      ),
    ).not.toBeNull();
  });

  it('shows the link as a link in the dev mailbox, which opens the cancel page (MOCK-8)', async () => {
    const link = await fileRequestAndReadLink();
    const { user, location } = renderApp('/dev/mailbox');

    const anchor = await screen.findByRole('link', { name: link });
    expect(anchor).toHaveAttribute('href', link);
    await user.click(anchor);

    expect(
      await screen.findByRole('heading', { name: 'Cancel the Unbind MFA request' }),
    ).toBeInTheDocument();
    expect(`${location().pathname}${location().search}`).toBe(link);
  });

  it('links only what the server made a link, not a path typed into a title (MOCK-8)', async () => {
    const typed = '/unbind-requests/cancel?token=AAAAAAAAAAAAAAAAAAAA';
    const link = await fileRequestAndReadLink(typed);
    renderApp('/dev/mailbox');

    expect(await screen.findByRole('link', { name: link })).toHaveAttribute('href', link);
    expect(screen.getAllByText(new RegExp(`: ${typed.replace(/[?]/g, '\\?')}$`))).not.toEqual([]);
    expect(screen.queryByRole('link', { name: typed })).not.toBeInTheDocument();
  });

  it('says a used link is no longer valid', async () => {
    const link = await fileRequestAndReadLink();
    const token = link.split('token=')[1] ?? '';
    await request(paths.unbindRequestCancel.href, { method: 'POST', body: { token } });
    const { user } = renderApp(link);

    await user.click(await screen.findByRole('button', { name: 'Cancel the request' }));

    expect(
      await screen.findByText('This link was already used, or it is not a valid link.'),
    ).toBeInTheDocument();
  });
});
