import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { canceledUnbindRequestSchema, ticketDetailSchema } from '@/api/schemas/tickets';
import { activeAgent } from '../support/agent-api';
import { expectError, expectOk, setupMockApi } from '../support/api-client';
import { created, ticketApiSteps, unbindRequest } from '../support/ticket-api';

const api = setupMockApi();
const { pendingBob, ticketCode, bobIsBound } = ticketApiSteps(api);

/** Bob's Unbind MFA request from the login step, and the cancel link his mailbox got. */
async function filedRequest() {
  const bob = await pendingBob();
  const ticket = await created(
    await bob.post(paths.tickets.href, unbindRequest(await ticketCode(bob))),
  );
  const notice = await api.server.run((state) =>
    state.outbox.find(
      (mail) => mail.to === 'bob@example.com' && mail.subject.includes('An Unbind MFA request'),
    ),
  );
  const token = /\/unbind-requests\/cancel\?token=([\w-]+)/.exec(notice?.body ?? '')?.[1];
  if (!token) throw new Error(`no cancel link in ${notice?.body}`);
  return { bob, ticket, token, notice };
}

describe('an Unbind MFA request can be stopped from its notice email (TICKET-12)', () => {
  it("tells the account's email, with a link, and stores only the link's hash", async () => {
    const { notice, token } = await filedRequest();
    expect(notice?.body).toContain('If this was not you, cancel the request');
    // Only the email holds it; the server keeps a hash.
    const kept = await api.server.run((state) => JSON.stringify({ ...state, outbox: [] }));
    expect(kept).not.toContain(token);
  });

  it('cancels without a session, once, and MFA stays bound', async () => {
    const { bob, ticket, token } = await filedRequest();

    const answer = await api.client().post(paths.unbindRequestCancel.href, { token });

    expectOk(answer);
    expect(canceledUnbindRequestSchema.parse(answer.body)).toEqual({
      number: ticket.number,
      status: 'canceled',
    });
    expect(await bobIsBound()).toBe(true);
    expectError(await api.client().post(paths.unbindRequestCancel.href, { token }), 'NOT_FOUND');
    const subjects = await api.server.run((state) => state.outbox.map((mail) => mail.subject));
    expect(subjects).toContain(`[${ticket.number}] Your Unbind MFA request was canceled`);
    expectError(await bob.post(paths.ticketCancel.href(ticket.id)), 'MFA_REQUIRED');
    const support = await activeAgent(api);
    const seen = ticketDetailSchema.parse(
      (await support.get(paths.supportTicket.href(ticket.id))).body,
    );
    expect(seen.status).toBe('canceled');
  });

  it('records the cancellation in the security log', async () => {
    const { token } = await filedRequest();
    expectOk(await api.client().post(paths.unbindRequestCancel.href, { token }));
    const events = await api.server.run((state) =>
      state.audit.filter((entry) => entry.accountId === 'acc_bob').map((entry) => entry.event),
    );
    expect(events).toContain('ticket.unbind_canceled');
  });

  it('stops working once customer service has accepted the request', async () => {
    const { ticket, token } = await filedRequest();
    const support = await activeAgent(api);
    expectOk(await support.post(paths.supportTicketAccept.href(ticket.id)));

    expectError(
      await api.client().post(paths.unbindRequestCancel.href, { token }),
      'TICKET_STATUS_CONFLICT',
    );
  });

  it.each([
    ['too short', 'abc'],
    ['not base64url', 'a'.repeat(20) + '!'],
    ['too long', 'a'.repeat(65)],
  ])('refuses a token %s with 400, and a well-formed unknown one with 404', async (_, token) => {
    expectError(
      await api.client().post(paths.unbindRequestCancel.href, { token }),
      'VALIDATION_FAILED',
    );
    expectError(
      await api.client().post(paths.unbindRequestCancel.href, { token: 'a'.repeat(32) }),
      'NOT_FOUND',
    );
  });
});
