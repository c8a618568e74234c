import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { auditListSchema } from '@/api/schemas/mfa';
import { sessionSchema } from '@/api/schemas/session';
import { supportTicketSchema, ticketPageSchema } from '@/api/schemas/tickets';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import { activeAgent, agentCode, unbindAsAgent } from '../support/agent-api';
import { type ApiClient, expectError, expectOk, setupMockApi } from '../support/api-client';
import { totpAt } from '../support/mfa';
import { created, ticketApiSteps, unbindRequest } from '../support/ticket-api';

const api = setupMockApi();
const { pendingBob, ticketCode, fileBugReport, bobIsBound, activeCarol } = ticketApiSteps(api);

describe('a ticket never unbinds anything by itself (TICKET-9)', () => {
  it('leaves MFA bound after submitting, and after customer service accepts it', async () => {
    const bob = await pendingBob();
    const ticket = await created(
      await bob.post(paths.tickets.href, unbindRequest(await ticketCode(bob))),
    );
    expect(await bobIsBound()).toBe(true);

    const support = await activeAgent(api);
    expect((await support.post(paths.supportTicketAccept.href(ticket.id))).status).toBe(200);

    expect(await bobIsBound()).toBe(true);
    const again = await api.client().logIn('bob@example.com');
    expect(sessionSchema.parse(again.body).state).toBe('mfa_required');
  });

  it('unbinds when an agent processes it, ends the login owing a code, and emails each step', async () => {
    const bob = await pendingBob();
    const ticket = await created(
      await bob.post(paths.tickets.href, unbindRequest(await ticketCode(bob))),
    );
    const support = await activeAgent(api);

    const early = await unbindAsAgent(api, support, ticket.id);
    expectError(early, 'TICKET_STATUS_CONFLICT');
    expect(await bobIsBound()).toBe(true);

    await support.post(paths.supportTicketAccept.href(ticket.id));
    const review = supportTicketSchema.parse(
      (await support.get(paths.supportTicket.href(ticket.id))).body,
    );
    expect(review.review).toMatchObject({
      accountEmail: 'bob@example.com',
      accountName: 'Bob Li',
      workspaceName: 'Demo Workspace',
      mfaBound: true,
      mfaUnboundAt: null,
    });
    expect(review.verification).toEqual({ password: true, email: true, submittedFrom: 'login' });
    expect(review.actions).toEqual(['reply', 'close', 'unbind_mfa']);

    const processed = await support.post(paths.supportTicketUnbindMfa.href(ticket.id), {
      reply: 'We unbound MFA from your account. Log in with your password and bind it again.',
      code: await agentCode(api),
    });

    expect(processed.status).toBe(200);
    const after = supportTicketSchema.parse(processed.body);
    expect(after.status).toBe('feedback_provided');
    expect(after.review?.mfaBound).toBe(false);
    expect(after.actions).toEqual(['reply', 'close']);
    expect(await bobIsBound()).toBe(false);
    expect(
      expectError(await bob.post(paths.sessionMfa.href, { code: '123456' }), 'SESSION_ENDED')
        .endedBy,
    ).toBe('customer_service');
    const login = await api.client().logIn('bob@example.com');
    expect(sessionSchema.parse(login.body).state).toBe('active');

    expectError(await unbindAsAgent(api, support, ticket.id), 'TICKET_STATUS_CONFLICT');
    const subjects = await api.server.run((state) =>
      state.outbox.filter((mail) => mail.to === 'bob@example.com').map((mail) => mail.subject),
    );
    expect(subjects).toEqual([
      'Your verification code for an Unbind MFA ticket',
      `[${ticket.number}] We received your ticket`,
      `[${ticket.number}] An Unbind MFA request was filed for your account`,
      `[${ticket.number}] Customer service is working on your ticket`,
      'MFA was unbound from your account',
      `[${ticket.number}] Customer service replied to your ticket`,
    ]);
  });

  it('records the ticket in the audit log of MFA events (MOCK-7), with no code in it', async () => {
    const bob = await pendingBob();
    const code = await ticketCode(bob);
    const ticket = await created(await bob.post(paths.tickets.href, unbindRequest(code)));
    const support = await activeAgent(api);
    await support.post(paths.supportTicketAccept.href(ticket.id));
    expectOk(await unbindAsAgent(api, support, ticket.id));

    const bobNow = await api.signedIn('bob@example.com');
    const audit = await bobNow.get(paths.accountAudit.href);
    const events = auditListSchema
      .parse(audit.body)
      .events.map(({ event, detail }) => ({ event, detail }));
    // TICKET-11: the member's log names the agent who acted.
    const agent = { agent: 'Guance Support', agentEmail: 'support@example.com' };
    expect(events.slice(0, 4)).toEqual([
      { event: 'signin.password', detail: {} },
      { event: 'ticket.unbind_processed', detail: { ticket: ticket.number, ...agent } },
      { event: 'mfa.unbound', detail: { by: 'support', ...agent } },
      { event: 'ticket.unbind_requested', detail: { ticket: ticket.number } },
    ]);
    expect(audit.text).not.toContain(code);
  });

  it('refuses to unbind through a ticket of another type', async () => {
    const alice = await api.signedIn('alice@example.com');
    const ticket = await fileBugReport(alice);
    const support = await activeAgent(api);
    await support.post(paths.supportTicketAccept.href(ticket.id));

    expectError(await unbindAsAgent(api, support, ticket.id), 'TICKET_STATUS_CONFLICT');
  });
});

describe('customer service actions (TICKET-7, TICKET-9)', () => {
  const SUPPORT_ACTIONS = [
    ['GET /support/tickets', (client: ApiClient) => client.get(paths.supportTickets.href)],
    [
      'GET /support/tickets/:id',
      (client: ApiClient, id: string) => client.get(paths.supportTicket.href(id)),
    ],
    ['accept', (client: ApiClient, id: string) => client.post(paths.supportTicketAccept.href(id))],
    [
      'reply',
      (client: ApiClient, id: string) =>
        client.post(paths.supportTicketReplies.href(id), { body: 'Hello', attachmentIds: [] }),
    ],
    ['close', (client: ApiClient, id: string) => client.post(paths.supportTicketClose.href(id))],
    [
      'unbind',
      (client: ApiClient, id: string) =>
        client.post(paths.supportTicketUnbindMfa.href(id), { reply: 'Done.', code: '123456' }),
    ],
  ] as const;

  it.each(SUPPORT_ACTIONS)('refuses %s to members who are not agents', async (_label, call) => {
    const alice = await api.signedIn('alice@example.com');
    const ticket = await fileBugReport(alice);
    const before = await api.server.run((state) => structuredClone(state.tickets));

    for (const email of ['alice@example.com', 'owner@example.com']) {
      expectError(await call(await api.signedIn(email), ticket.id), 'FORBIDDEN');
    }
    expect(await api.server.run((state) => state.tickets)).toEqual(before);
  });

  it('refuses an agent every action on a ticket they submitted', async () => {
    const support = await activeAgent(api);
    const own = await fileBugReport(support);

    for (const [, call] of SUPPORT_ACTIONS.slice(2)) {
      expectError(await call(support, own.id), 'FORBIDDEN');
    }
    const view = supportTicketSchema.parse(
      (await support.get(paths.supportTicket.href(own.id))).body,
    );
    expect(view).toMatchObject({
      ownTicket: true,
      actions: [],
      workspace: null,
      status: 'waiting_assignment',
    });
  });

  it("queues every workspace's tickets for agents, filtered and searched", async () => {
    const alice = await api.signedIn('alice@example.com');
    await fileBugReport(alice, { title: 'Alerts are late' });
    await fileBugReport(alice, { type: 'purchase_inquiry', title: 'Price of more seats' });
    const carol = await activeCarol();
    await fileBugReport(carol, { title: 'Secure dashboards' });
    const support = await activeAgent(api);

    const all = ticketPageSchema.parse((await support.get(paths.supportTickets.href)).body);
    expect(all.tickets.map((ticket) => ticket.workspace?.name)).toEqual([
      'Secure Workspace',
      'Demo Workspace',
      'Demo Workspace',
    ]);
    const bugs = ticketPageSchema.parse(
      (await support.get(`${paths.supportTickets.href}?type=bug_report&q=alerts`)).body,
    );
    expect(bugs.tickets.map((ticket) => ticket.title)).toEqual(['Alerts are late']);
  });

  it('ends every session of the requester, active ones too, when an agent unbinds (SESSION-2)', async () => {
    const bob = await pendingBob();
    const ticket = await created(
      await bob.post(paths.tickets.href, unbindRequest(await ticketCode(bob))),
    );
    // Someone holding bob's phone and password is signed in elsewhere.
    const elsewhere = await api.signedIn('bob@example.com');
    expectOk(
      await elsewhere.post(paths.sessionMfa.href, { code: totpAt(BOB_TOTP_SECRET, api.time.now) }),
    );
    expectOk(await elsewhere.get(paths.account.href));
    const support = await activeAgent(api);
    await support.post(paths.supportTicketAccept.href(ticket.id));

    expectOk(await unbindAsAgent(api, support, ticket.id));

    expectError(await elsewhere.get(paths.account.href), 'SESSION_ENDED');
    expectError(await bob.get(paths.ticketEmailCode.href), 'SESSION_ENDED');
    expect(
      await api.server.run(
        (state) => state.sessions.filter((session) => session.accountId === 'acc_bob').length,
      ),
    ).toBe(0);
  });
});
