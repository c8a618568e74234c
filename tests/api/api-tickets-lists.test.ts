import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import { sessionSchema } from '@/api/schemas/session';
import { ticketDetailSchema, ticketExportSchema, ticketPageSchema } from '@/api/schemas/tickets';
import { submitTicket } from '@/backend/domain/tickets';
import { expectError, setupMockApi } from '../support/api-client';
import { ticketApiSteps } from '../support/ticket-api';
import { BUG_REPORT, uploadFile } from '../support/tickets';

const api = setupMockApi();
const { fileBugReport, activeCarol } = ticketApiSteps(api);

describe('tickets belong to a workspace (TICKET-1)', () => {
  it("keeps a member out of another workspace's tickets, as if they did not exist", async () => {
    const carol = await activeCarol();
    const secure = await fileBugReport(carol, { title: 'Secure only' });
    const upload = await uploadFile(carol, 'log.txt', 'secret log');
    const withFile = await fileBugReport(carol, {
      attachmentIds: [(upload.body as { id: string }).id],
    });
    const alice = await api.signedIn('alice@example.com');
    const demo = await fileBugReport(alice);

    expectError(await alice.get(paths.workspaceTickets.href('ws_secure')), 'NOT_FOUND');
    expectError(await alice.get(paths.workspaceTicketsExport.href('ws_secure')), 'NOT_FOUND');
    expectError(await alice.get(paths.ticket.href(secure.id)), 'NOT_FOUND');
    expectError(
      await alice.get(paths.ticketAttachment.href((upload.body as { id: string }).id)),
      'NOT_FOUND',
    );
    expectError(await alice.post(paths.ticketCancel.href(secure.id)), 'NOT_FOUND');
    expectError(await carol.get(paths.ticket.href(demo.id)), 'NOT_FOUND');
    expectError(await carol.get(paths.workspaceTickets.href('ws_demo')), 'NOT_FOUND');
    expect(withFile.id).not.toBe(secure.id);
  });

  it('gates the tickets of a workspace like the workspace: a read is refused and changes nothing (MANDATORY-3, GUARD-2)', async () => {
    const owner = await api.signedIn('owner@example.com');
    expect((await owner.get(paths.workspaceTickets.href('ws_demo'))).status).toBe(200);

    expectError(await owner.get(paths.workspaceTickets.href('ws_secure')), 'MFA_SETUP_REQUIRED');
    expectError(
      await owner.get(paths.workspaceTicketsExport.href('ws_secure')),
      'MFA_SETUP_REQUIRED',
    );

    expect(sessionSchema.parse((await owner.get(paths.session.href)).body)).toMatchObject({
      state: 'active',
      currentWorkspaceId: 'ws_demo',
    });
    expect((await owner.get(paths.workspaceTickets.href('ws_demo'))).status).toBe(200);
  });

  it('shows colleagues a workspace ticket to read, with no actions, and only the requester acts', async () => {
    const alice = await api.signedIn('alice@example.com');
    const ticket = await fileBugReport(alice);
    const owner = await api.signedIn('owner@example.com');

    const seen = ticketDetailSchema.parse((await owner.get(paths.ticket.href(ticket.id))).body);
    expect(seen).toMatchObject({
      ownTicket: false,
      actions: [],
      requester: { email: 'alice@example.com' },
    });
    expectError(await owner.post(paths.ticketCancel.href(ticket.id)), 'FORBIDDEN');
    const own = ticketDetailSchema.parse((await alice.get(paths.ticket.href(ticket.id))).body);
    expect(own).toMatchObject({ ownTicket: true, actions: ['cancel', 'reply'] });
  });

  it('lists All Tickets of the workspace and My Tickets across workspaces', async () => {
    const alice = await api.signedIn('alice@example.com');
    await fileBugReport(alice, { title: 'From alice' });
    const owner = await api.signedIn('owner@example.com');
    await fileBugReport(owner, { title: 'From the owner' });

    const all = ticketPageSchema.parse(
      (await alice.get(paths.workspaceTickets.href('ws_demo'))).body,
    );
    const mine = ticketPageSchema.parse((await alice.get(paths.tickets.href)).body);

    expect(all.tickets.map((ticket) => ticket.title)).toEqual(['From the owner', 'From alice']);
    expect(mine.tickets.map((ticket) => ticket.title)).toEqual(['From alice']);
  });
});

describe('lists and export (TICKET-1)', () => {
  /** A thousand tickets of alice's, straight into the core. */
  async function thousandTickets() {
    const alice = await api.signedIn('alice@example.com');
    await api.server.run((state, ctx) => {
      const session = state.sessions.find((entry) => entry.state === 'active');
      if (!session) throw new Error('no session');
      for (let index = 0; index < 1_000; index++) {
        // Filed over the past months, 7 minutes apart: within the 10-per-hour limit (GUARD-5).
        const filedAt = ctx.now - (1_000 - index) * 7 * MINUTE_MS;
        submitTicket(
          state,
          { ...ctx, now: filedAt },
          session,
          {
            ...BUG_REPORT,
            type: index % 2 === 0 ? 'bug_report' : 'feature_request',
            title: `Ticket ${index}`,
          },
          null,
        );
      }
    });
    return alice;
  }

  it('pages 1,000 tickets on the server, newest first', async () => {
    const alice = await thousandTickets();

    const response = await alice.get(`${paths.tickets.href}?page=3&pageSize=50`);

    const page = ticketPageSchema.parse(response.body);
    expect(page).toMatchObject({ total: 1_000, page: 3, pageSize: 50 });
    expect(page.tickets).toHaveLength(50);
    expect(page.tickets[0]?.title).toBe('Ticket 899');
    // A page carries summaries only, never whole conversations.
    expect(response.text.length).toBeLessThan(30_000);
  });

  it('filters by type and status and searches number or title, together', async () => {
    const alice = await thousandTickets();

    const features = ticketPageSchema.parse(
      (
        await alice.get(
          `${paths.workspaceTickets.href('ws_demo')}?type=feature_request&pageSize=10`,
        )
      ).body,
    );
    expect(features.total).toBe(500);
    const byTitle = ticketPageSchema.parse(
      (await alice.get(`${paths.tickets.href}?q=TICKET 99`)).body,
    );
    expect(byTitle.tickets.map((ticket) => ticket.title).sort()).toEqual(
      [
        'Ticket 99',
        'Ticket 990',
        'Ticket 991',
        'Ticket 992',
        'Ticket 993',
        'Ticket 994',
        'Ticket 995',
        'Ticket 996',
        'Ticket 997',
        'Ticket 998',
        'Ticket 999',
      ].sort(),
    );
    const byNumber = ticketPageSchema.parse(
      (await alice.get(`${paths.tickets.href}?q=tk100500`)).body,
    );
    expect(byNumber.tickets.map((ticket) => ticket.number)).toEqual(['TK100500']);
    const closed = ticketPageSchema.parse(
      (await alice.get(`${paths.tickets.href}?status=closed`)).body,
    );
    expect(closed).toMatchObject({ total: 0, tickets: [] });
  });

  it('exports every filtered row, not one page', async () => {
    const alice = await thousandTickets();

    const response = await alice.get(`${paths.ticketsExport.href}?type=bug_report`);

    const rows = ticketExportSchema.parse(response.body).tickets;
    expect(rows).toHaveLength(500);
    expect(new Set(rows.map((row) => row.type))).toEqual(new Set(['bug_report']));
  });

  it.each([
    ['an unknown type', '?type=spam', { type: 'invalid_value' }],
    ['an unknown status', '?status=open', { status: 'invalid_value' }],
    ['page 0', '?page=0', { page: 'too_small' }],
    ['a page size over 100', '?pageSize=1000', { pageSize: 'too_big' }],
    ['an unknown parameter', '?sort=title', { sort: 'unrecognized_key' }],
  ])('answers 400 for %s', async (_label, search, fields) => {
    const alice = await api.signedIn('alice@example.com');

    const response = await alice.get(`${paths.tickets.href}${search}`);

    expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual(fields);
  });
});
