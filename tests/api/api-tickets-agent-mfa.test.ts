import { describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import { auditListSchema } from '@/api/schemas/mfa';
import { sessionSchema } from '@/api/schemas/session';
import { supportTicketSchema } from '@/api/schemas/tickets';
import { findAccountByEmail } from '@/backend/domain/accounts';
import { BOB_TOTP_SECRET, SUPPORT_TOTP_SECRET } from '@/backend/seed';
import { activeAgent, agentCode, SUPPORT_EMAIL } from '../support/agent-api';
import { type ApiClient, expectError, expectOk, setupMockApi } from '../support/api-client';
import { START_MS } from '../support/fake-clock';
import { STEP_MS, totpAt, wrongCodes } from '../support/mfa';
import { comparableState } from '../support/state-snapshot';
import { created, ticketApiSteps, unbindRequest } from '../support/ticket-api';

/** TICKET-11: customer service is held to more than members. */
const api = setupMockApi();
const { pendingBob, ticketCode, bobIsBound } = ticketApiSteps(api);

const [WRONG = '000000', ...MORE_WRONG] = wrongCodes(SUPPORT_TOTP_SECRET, START_MS, 6);

/** Bob's Unbind MFA ticket, filed from the login's code step and accepted by the agent. */
async function acceptedRequest(support: ApiClient) {
  const bob = await pendingBob();
  const ticket = await created(
    await bob.post(paths.tickets.href, unbindRequest(await ticketCode(bob))),
  );
  expectOk(await support.post(paths.supportTicketAccept.href(ticket.id)));
  return ticket;
}

function unbind(support: ApiClient, ticketId: string, code: string) {
  return support.post(paths.supportTicketUnbindMfa.href(ticketId), { reply: 'Done.', code });
}

async function review(support: ApiClient, ticketId: string) {
  const view = supportTicketSchema.parse(
    (await support.get(paths.supportTicket.href(ticketId))).body,
  );
  if (!view.review) throw new Error('no review on an Unbind MFA ticket');
  return view.review;
}

async function agentLog(support: ApiClient) {
  return auditListSchema.parse((await support.get(paths.accountAudit.href)).body).events;
}

describe('an agent must have MFA bound to use the console', () => {
  it('makes the demo agent owe a dynamic code at login, like any bound account', async () => {
    const support = await api.signedIn(SUPPORT_EMAIL);
    expect(sessionSchema.parse((await support.get(paths.session.href)).body).state).toBe(
      'mfa_required',
    );
    expectError(await support.get(paths.supportTickets.href), 'MFA_REQUIRED');

    const verified = await support.post(paths.sessionMfa.href, { code: await agentCode(api) });

    expect(sessionSchema.parse(verified.body)).toMatchObject({
      state: 'active',
      user: { kind: 'agent', mfaBound: true },
    });
    expectOk(await support.get(paths.supportTickets.href));
  });

  it('refuses every agent endpoint to an agent without MFA, and leaves the session as it was', async () => {
    await api.server.run((state) => {
      const agent = findAccountByEmail(state, SUPPORT_EMAIL);
      if (agent) agent.mfa = null;
    });
    const support = await api.signedIn(SUPPORT_EMAIL);
    const before = await comparableState(api.server);

    for (const response of [
      await support.get(paths.supportTickets.href),
      await support.get(paths.supportTicket.href('tkt_x')),
      await support.post(paths.supportTicketAccept.href('tkt_x')),
      await support.post(paths.supportTicketClose.href('tkt_x')),
      await support.post(paths.supportTicketReplies.href('tkt_x'), {
        body: 'Hello',
        attachmentIds: [],
      }),
      await unbind(support, 'tkt_x', '123456'),
    ]) {
      expectError(response, 'MFA_SETUP_REQUIRED');
    }
    expect(await comparableState(api.server)).toBe(before);
    expect(sessionSchema.parse((await support.get(paths.session.href)).body).state).toBe('active');
    // Binding is the way back in: Account Management is open to the agent.
    expectOk(await support.get(paths.enrollment.href));
  });
});

describe('unbinding a member asks the agent for a fresh dynamic code (step-up)', () => {
  it('refuses a request without a code, or with one not 6 digits, and changes nothing', async () => {
    const support = await activeAgent(api);
    const ticket = await acceptedRequest(support);
    const before = await comparableState(api.server);
    const path = paths.supportTicketUnbindMfa.href(ticket.id);

    for (const [body, code] of [
      [{ reply: 'Done.' }, 'required'],
      [{ reply: 'Done.', code: 123456 }, 'invalid_type'],
      [{ reply: 'Done.', code: null }, 'invalid_type'],
      [{ reply: 'Done.', code: '12345' }, 'invalid_format'],
      [{ reply: 'Done.', code: '123 456' }, 'invalid_format'],
      [{ reply: 'Done.', code: '<b>12</b>' }, 'invalid_format'],
    ] as const) {
      const error = expectError(await support.post(path, body), 'VALIDATION_FAILED');
      expect(error.fieldErrors).toEqual({ code });
    }
    expect(await comparableState(api.server)).toBe(before);
  });

  it("refuses a wrong code as INVALID_CODE, records it in the agent's log, and unbinds nothing", async () => {
    const support = await activeAgent(api);
    const ticket = await acceptedRequest(support);

    const refused = await unbind(support, ticket.id, WRONG);

    expectError(refused, 'INVALID_CODE');
    expect(refused.text).not.toContain(WRONG);
    expect(await bobIsBound()).toBe(true);
    expect((await review(support, ticket.id)).mfaBound).toBe(true);
    const view = supportTicketSchema.parse(
      (await support.get(paths.supportTicket.href(ticket.id))).body,
    );
    expect(view.status).toBe('waiting_feedback');
    expect(view.entries.filter((entry) => entry.kind === 'message')).toHaveLength(1);
    expect((await agentLog(support))[0]).toMatchObject({
      event: 'mfa.code_failed',
      detail: { use: 'support_unbind', attempt: 1 },
    });
  });

  it('refuses the code the agent just logged in with: a step verifies once (MOCK-3)', async () => {
    const support = await api.signedIn(SUPPORT_EMAIL);
    const loginCode = totpAt(SUPPORT_TOTP_SECRET, api.time.now);
    expectOk(await support.post(paths.sessionMfa.href, { code: loginCode }));
    const ticket = await acceptedRequest(support);

    expectError(await unbind(support, ticket.id, loginCode), 'INVALID_CODE');
    expect(await bobIsBound()).toBe(true);

    api.time.advance(STEP_MS);
    expectOk(await unbind(support, ticket.id, totpAt(SUPPORT_TOTP_SECRET, api.time.now)));
    expect(await bobIsBound()).toBe(false);
  });

  it("locks the agent's code entry after 5 wrong codes, from any session (MOCK-4)", async () => {
    const support = await activeAgent(api);
    const ticket = await acceptedRequest(support);
    api.time.advance(STEP_MS);

    for (const code of [WRONG, ...MORE_WRONG.slice(0, 3)]) {
      expectError(await unbind(support, ticket.id, code), 'INVALID_CODE');
    }
    const locked = expectError(
      await unbind(support, ticket.id, MORE_WRONG[3] ?? ''),
      'CODE_LOCKED',
    );
    expect(locked.retryAfter).toBe(15 * 60);

    // The right code is refused while locked, and so is the agent's next login code.
    expectError(
      await unbind(support, ticket.id, totpAt(SUPPORT_TOTP_SECRET, api.time.now)),
      'CODE_LOCKED',
    );
    const other = await api.signedIn(SUPPORT_EMAIL);
    expectError(
      await other.post(paths.sessionMfa.href, {
        code: totpAt(SUPPORT_TOTP_SECRET, api.time.now, 1),
      }),
      'CODE_LOCKED',
    );
    expect(await bobIsBound()).toBe(true);

    api.time.advance(15 * MINUTE_MS);
    expectOk(await unbind(support, ticket.id, await agentCode(api)));
    expect(await bobIsBound()).toBe(false);
  });

  it("names the agent in the member's log, and the code in nobody's", async () => {
    const support = await activeAgent(api);
    const ticket = await acceptedRequest(support);
    const code = await agentCode(api);

    expectOk(await unbind(support, ticket.id, code));

    const bob = await api.signedIn('bob@example.com');
    const audit = await bob.get(paths.accountAudit.href);
    // Bob's own sign-in to read it comes first (LOG-1); the unbind is just before.
    const events = auditListSchema.parse(audit.body).events.filter((e) => e.kind !== 'sign_in');
    const agent = { agent: 'Guance Support', agentEmail: SUPPORT_EMAIL };
    expect(events.slice(0, 2)).toMatchObject([
      { event: 'ticket.unbind_processed', detail: { ticket: ticket.number, ...agent } },
      { event: 'mfa.unbound', detail: { by: 'support', ...agent } },
    ]);
    expect(audit.text).not.toContain(code);
    expect((await support.get(paths.accountAudit.href)).text).not.toContain(code);
  });
});

describe("the review panel's signals are computed, never constant", () => {
  it('tells a request filed at the login from one filed in the console', async () => {
    const support = await activeAgent(api);
    const fromLogin = await acceptedRequest(support);
    expect((await review(support, fromLogin.id)).signals).toMatchObject({
      passwordVerified: true,
      emailVerified: true,
    });

    const bob = await api.signedIn('bob@example.com');
    api.time.advance(STEP_MS);
    expectOk(
      await bob.post(paths.sessionMfa.href, { code: totpAt(BOB_TOTP_SECRET, api.time.now) }),
    );
    api.time.advance(MINUTE_MS);
    const fromConsole = await created(
      await bob.post(paths.tickets.href, unbindRequest(await ticketCode(bob))),
    );
    expect((await review(support, fromConsole.id)).signals).toMatchObject({
      passwordVerified: false,
      emailVerified: true,
    });
  });

  it("follows the account's age, last MFA login, wrong codes of 24 h, and other open requests", async () => {
    // The demo accounts are made by the first request; bob's is then 3 days old.
    expectOk(await api.client().get(paths.session.href));
    api.time.advance(3 * DAY_MS);
    const support = await activeAgent(api);
    const bob = await pendingBob();
    const first = await created(
      await bob.post(paths.tickets.href, unbindRequest(await ticketCode(bob))),
    );

    const fresh = (await review(support, first.id)).signals;
    expect(fresh).toEqual({
      passwordVerified: true,
      emailVerified: true,
      accountCreatedAt: new Date(START_MS).toISOString(),
      accountAgeDays: 3,
      lastMfaLoginAt: null,
      wrongCodesLast24h: 0,
      otherOpenUnbindRequests: 0,
    });

    // Someone tries codes on bob's login, then bob logs in with the right one.
    const attempt = await api.signedIn('bob@example.com');
    for (const code of wrongCodes(BOB_TOTP_SECRET, api.time.now, 2)) {
      expectError(await attempt.post(paths.sessionMfa.href, { code }), 'INVALID_CODE');
    }
    const loggedInAt = api.time.now;
    expectOk(
      await attempt.post(paths.sessionMfa.href, { code: totpAt(BOB_TOTP_SECRET, api.time.now) }),
    );
    api.time.advance(MINUTE_MS);
    const second = await created(
      await attempt.post(paths.tickets.href, unbindRequest(await ticketCode(attempt))),
    );

    expect((await review(support, first.id)).signals).toMatchObject({
      lastMfaLoginAt: new Date(loggedInAt).toISOString(),
      wrongCodesLast24h: 2,
      otherOpenUnbindRequests: 1,
    });

    // A day later the wrong codes have aged out, and a canceled request no longer counts.
    expectOk(await attempt.post(paths.ticketCancel.href(second.id)));
    api.time.advance(DAY_MS);
    expect((await review(await activeAgent(api), first.id)).signals).toMatchObject({
      wrongCodesLast24h: 0,
      otherOpenUnbindRequests: 0,
    });
  });
});
