import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import { sessionSchema } from '@/api/schemas/session';
import { ticketEmailCodeStatusSchema } from '@/api/schemas/tickets';
import { type ApiClient, type ApiResponse, expectError, setupMockApi } from '../support/api-client';
import { created, PNG_BYTES, ticketApiSteps, unbindRequest } from '../support/ticket-api';
import { BUG_REPORT, latestEmailCode, uploadFile } from '../support/tickets';

const api = setupMockApi();
const { pendingBob, ticketCode, ticketCount, bindMfa, boundAlice } = ticketApiSteps(api);

/** Every ticket endpoint a session owing its code may not call (LOGIN-5). */
const BEYOND_THE_LOGIN_STEP: ReadonlyArray<
  readonly [label: string, call: (client: ApiClient) => Promise<ApiResponse>]
> = [
  ['GET /tickets', (client) => client.get(paths.tickets.href)],
  ['GET /tickets/export', (client) => client.get(paths.ticketsExport.href)],
  [
    'GET /workspaces/ws_demo/tickets',
    (client) => client.get(paths.workspaceTickets.href('ws_demo')),
  ],
  [
    'GET /workspaces/ws_demo/tickets/export',
    (client) => client.get(paths.workspaceTicketsExport.href('ws_demo')),
  ],
  ['GET /tickets/:id', (client) => client.get(paths.ticket.href('tkt_x'))],
  ['POST /tickets/:id/cancel', (client) => client.post(paths.ticketCancel.href('tkt_x'))],
  ['POST /tickets/:id/restart', (client) => client.post(paths.ticketRestart.href('tkt_x'))],
  ['POST /tickets/:id/close', (client) => client.post(paths.ticketClose.href('tkt_x'))],
  [
    'POST /tickets/:id/replies',
    (client) => client.post(paths.ticketReplies.href('tkt_x'), { body: 'hi', attachmentIds: [] }),
  ],
  [
    'POST /tickets/:id/rating',
    (client) => client.post(paths.ticketRating.href('tkt_x'), { score: 5, comment: '' }),
  ],
  ['GET /tickets/attachments/:id', (client) => client.get(paths.ticketAttachment.href('att_x'))],
  ['GET /support/tickets', (client) => client.get(paths.supportTickets.href)],
  ['GET /support/tickets/:id', (client) => client.get(paths.supportTicket.href('tkt_x'))],
  [
    'POST /support/tickets/:id/accept',
    (client) => client.post(paths.supportTicketAccept.href('tkt_x')),
  ],
  [
    'POST /support/tickets/:id/close',
    (client) => client.post(paths.supportTicketClose.href('tkt_x')),
  ],
  [
    'POST /support/tickets/:id/replies',
    (client) =>
      client.post(paths.supportTicketReplies.href('tkt_x'), { body: 'hi', attachmentIds: [] }),
  ],
  [
    'POST /support/tickets/:id/unbind-mfa',
    (client) =>
      client.post(paths.supportTicketUnbindMfa.href('tkt_x'), { reply: 'done', code: '123456' }),
  ],
  ['POST /tickets (another type)', (client) => client.post(paths.tickets.href, BUG_REPORT)],
];

describe.each(BEYOND_THE_LOGIN_STEP)('%s (LOGIN-5)', (_label, call) => {
  it('answers 401 UNAUTHENTICATED without a cookie', async () => {
    expectError(await call(api.client()), 'UNAUTHENTICATED');
  });

  it('answers 403 MFA_REQUIRED while the MFA code is owed', async () => {
    expectError(await call(await pendingBob()), 'MFA_REQUIRED');
  });

  it('answers 403 MFA_SETUP_REQUIRED while a forced bind is owed', async () => {
    expectError(await call(await api.signedIn('carol@example.com')), 'MFA_SETUP_REQUIRED');
  });
});

describe('the Unbind MFA ticket from the login code step (TICKET-8, LOGIN-5)', () => {
  it('lets a session owing its code get the email code, upload, and submit that one ticket', async () => {
    const bob = await pendingBob();

    const status = await bob.get(paths.ticketEmailCode.href);
    expect(status.headers.get('Cache-Control')).toBe('no-store');
    expect(ticketEmailCodeStatusSchema.parse(status.body)).toEqual({
      maskedEmail: 'b***b@example.com',
      resendInSeconds: null,
    });
    const code = await ticketCode(bob);
    const mail = await api.server.run((state) => state.outbox.at(-1));
    expect(mail).toMatchObject({
      to: 'bob@example.com',
      subject: 'Your verification code for an Unbind MFA ticket',
    });
    const upload = await uploadFile(bob, 'id-card.png', PNG_BYTES);
    expect(upload.status).toBe(201);
    const attachmentId = (upload.body as { id: string }).id;

    const ticket = await created(
      await bob.post(paths.tickets.href, unbindRequest(code, [attachmentId])),
    );

    expect(ticket).toMatchObject({
      number: expect.stringMatching(/^TK\d{6}$/) as string,
      status: 'waiting_assignment',
    });
    const stored = await api.server.run((state) => state.tickets[0]);
    expect(stored).toMatchObject({
      type: 'unbind_mfa',
      workspaceId: 'ws_demo',
      verification: { password: true, email: true, submittedFrom: 'login' },
    });
    // The session still owes its code: the ticket did not log bob in.
    expect(sessionSchema.parse((await bob.get(paths.session.href)).body).state).toBe(
      'mfa_required',
    );
    expectError(await bob.get(paths.ticket.href(ticket.id)), 'MFA_REQUIRED');
  });

  it('refuses a session owing a binding even the ticket steps', async () => {
    const carol = await api.signedIn('carol@example.com');

    expectError(await carol.get(paths.ticketEmailCode.href), 'MFA_SETUP_REQUIRED');
    expectError(await carol.post(paths.ticketEmailCode.href), 'MFA_SETUP_REQUIRED');
    expectError(await uploadFile(carol, 'a.png', PNG_BYTES), 'MFA_SETUP_REQUIRED');
    expectError(
      await carol.post(paths.tickets.href, unbindRequest('123456')),
      'MFA_SETUP_REQUIRED',
    );
    expect(await ticketCount()).toBe(0);
  });

  it('makes no ticket of another type from the login step', async () => {
    const bob = await pendingBob();

    expectError(await bob.post(paths.tickets.href, BUG_REPORT), 'MFA_REQUIRED');
    expect(await ticketCount()).toBe(0);
  });

  it('answers 401 to the ticket steps without a session', async () => {
    const nobody = api.client();

    expectError(await nobody.get(paths.ticketEmailCode.href), 'UNAUTHENTICATED');
    expectError(await nobody.post(paths.ticketEmailCode.href), 'UNAUTHENTICATED');
    expectError(await uploadFile(nobody, 'a.png', PNG_BYTES), 'UNAUTHENTICATED');
    expectError(await nobody.post(paths.tickets.href, unbindRequest('123456')), 'UNAUTHENTICATED');
  });
});

describe('an Unbind MFA ticket needs a valid email code (TICKET-4)', () => {
  it('is refused without a code', async () => {
    const bob = await pendingBob();

    const error = expectError(
      await bob.post(paths.tickets.href, unbindRequest()),
      'VALIDATION_FAILED',
    );

    expect(error.fieldErrors).toEqual({ emailCode: 'required' });
    expect(await ticketCount()).toBe(0);
  });

  it('is refused with a wrong code and with a used one, alike', async () => {
    const bob = await pendingBob();
    const code = await ticketCode(bob);
    const wrong = code === '000000' ? '000001' : '000000';

    expectError(await bob.post(paths.tickets.href, unbindRequest(wrong)), 'INVALID_EMAIL_CODE');
    await created(await bob.post(paths.tickets.href, unbindRequest(code)));
    expectError(await bob.post(paths.tickets.href, unbindRequest(code)), 'INVALID_EMAIL_CODE');
    expect(await ticketCount()).toBe(1);
  });

  it('is refused with a code older than 10 minutes', async () => {
    // A login owing its code lasts 10 minutes too, so an active account with MFA shows it.
    const alice = await boundAlice();
    const code = await ticketCode(alice, 'alice@example.com');
    api.time.advance(10 * MINUTE_MS);

    expectError(await alice.post(paths.tickets.href, unbindRequest(code)), 'INVALID_EMAIL_CODE');
    expect(await ticketCount()).toBe(0);
  });

  it('does not take a code sent for binding MFA', async () => {
    const alice = await api.signedIn('alice@example.com');
    await alice.post(paths.enrollmentEmailCode.href);
    const bindCode = await latestEmailCode(api.server, 'alice@example.com');
    await bindMfa('alice@example.com');

    expectError(
      await alice.post(paths.tickets.href, unbindRequest(bindCode)),
      'INVALID_EMAIL_CODE',
    );
  });

  it('keeps the code when the request is refused for an attachment', async () => {
    const bob = await pendingBob();
    const code = await ticketCode(bob);

    const refused = await bob.post(paths.tickets.href, unbindRequest(code, ['att_nobody']));
    expect(expectError(refused, 'VALIDATION_FAILED').fieldErrors).toEqual({
      attachmentIds: 'invalid',
    });

    await created(await bob.post(paths.tickets.href, unbindRequest(code)));
  });

  it('is refused for an account without MFA', async () => {
    const alice = await api.signedIn('alice@example.com');

    expectError(await alice.post(paths.ticketEmailCode.href), 'MFA_NOT_BOUND');
    expectError(await alice.post(paths.tickets.href, unbindRequest('123456')), 'MFA_NOT_BOUND');
  });

  it('is refused on another type, which takes no email code', async () => {
    const alice = await api.signedIn('alice@example.com');

    const response = await alice.post(paths.tickets.href, { ...BUG_REPORT, emailCode: '123456' });

    expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual({
      emailCode: 'unrecognized_key',
    });
  });
});
