import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import { auditListSchema } from '@/api/schemas/mfa';
import { sessionSchema } from '@/api/schemas/session';
import {
  ATTACHMENT_MAX_BYTES,
  supportTicketSchema,
  ticketCreatedSchema,
  ticketDetailSchema,
  ticketEmailCodeStatusSchema,
  ticketExportSchema,
  ticketPageSchema,
  type CreateTicketRequest,
} from '@/api/schemas/tickets';
import { findAccountByEmail } from '@/mocks/domain/accounts';
import { submitTicket } from '@/mocks/domain/tickets';
import { BOB_TOTP_SECRET } from '@/mocks/seed';
import { expectError, setupMockApi, type ApiClient, type ApiResponse } from './support/api-client';
import { totpAt } from './support/mfa';
import {
  BUG_REPORT,
  createWithKey,
  download,
  latestEmailCode,
  uploadFile,
} from './support/tickets';

const api = setupMockApi();

const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

function unbindRequest(emailCode?: string, attachmentIds: string[] = []): CreateTicketRequest {
  return {
    type: 'unbind_mfa',
    title: 'I lost my phone',
    description: 'My phone was stolen; please unbind MFA from bob@example.com.',
    attachmentIds,
    ...(emailCode === undefined ? {} : { emailCode }),
  };
}

async function created(response: ApiResponse) {
  expect(response.status, response.text).toBe(201);
  return ticketCreatedSchema.parse(response.body);
}

/** Bob at the login code step, as after his password (LOGIN-3). */
async function pendingBob(): Promise<ApiClient> {
  const bob = await api.signedIn('bob@example.com');
  expect(sessionSchema.parse((await bob.get(paths.session)).body).state).toBe('mfa_required');
  return bob;
}

/** The email code for an Unbind MFA ticket, as bob would read it from his mailbox. */
async function ticketCode(client: ApiClient, email = 'bob@example.com'): Promise<string> {
  expect((await client.post(paths.ticketEmailCode)).status).toBe(200);
  return latestEmailCode(api.server, email);
}

async function fileBugReport(client: ApiClient, input: Partial<CreateTicketRequest> = {}) {
  return created(await client.post(paths.tickets, { ...BUG_REPORT, ...input }));
}

async function ticketCount(): Promise<number> {
  return api.server.run((state) => state.tickets.length);
}

async function bobIsBound(): Promise<boolean> {
  return api.server.run((state) => findAccountByEmail(state, 'bob@example.com')?.mfa !== null);
}

/** Binds MFA for an account straight in the core, with bob's published secret. */
async function bindMfa(email: string): Promise<void> {
  await api.server.run((state) => {
    const account = findAccountByEmail(state, email);
    if (account) account.mfa = { secret: BOB_TOTP_SECRET, boundAt: 0, lastUsedStep: 0 };
  });
}

/** Alice logged in, then with MFA bound: an active session that may file Unbind MFA. */
async function boundAlice(): Promise<ApiClient> {
  const alice = await api.signedIn('alice@example.com');
  await bindMfa('alice@example.com');
  return alice;
}

/** Carol with MFA bound and logged in, so she can use Secure Workspace. */
async function activeCarol(): Promise<ApiClient> {
  await bindMfa('carol@example.com');
  const carol = await api.signedIn('carol@example.com');
  const verified = await carol.post(paths.sessionMfa, {
    code: totpAt(BOB_TOTP_SECRET, api.time.now),
  });
  expect(verified.status).toBe(200);
  return carol;
}

/** Every ticket endpoint a session owing its code may not call (LOGIN-5). */
const BEYOND_THE_LOGIN_STEP: ReadonlyArray<
  readonly [label: string, call: (client: ApiClient) => Promise<ApiResponse>]
> = [
  ['GET /tickets', (client) => client.get(paths.tickets)],
  ['GET /tickets/export', (client) => client.get(paths.ticketsExport)],
  ['GET /workspaces/ws_demo/tickets', (client) => client.get(paths.workspaceTickets('ws_demo'))],
  [
    'GET /workspaces/ws_demo/tickets/export',
    (client) => client.get(paths.workspaceTicketsExport('ws_demo')),
  ],
  ['GET /tickets/:id', (client) => client.get(paths.ticket('tkt_x'))],
  ['POST /tickets/:id/cancel', (client) => client.post(paths.ticketCancel('tkt_x'))],
  ['POST /tickets/:id/restart', (client) => client.post(paths.ticketRestart('tkt_x'))],
  ['POST /tickets/:id/close', (client) => client.post(paths.ticketClose('tkt_x'))],
  [
    'POST /tickets/:id/replies',
    (client) => client.post(paths.ticketReplies('tkt_x'), { body: 'hi', attachmentIds: [] }),
  ],
  [
    'POST /tickets/:id/rating',
    (client) => client.post(paths.ticketRating('tkt_x'), { score: 5, comment: '' }),
  ],
  ['GET /tickets/attachments/:id', (client) => client.get(paths.ticketAttachment('att_x'))],
  ['GET /support/tickets', (client) => client.get(paths.supportTickets)],
  ['GET /support/tickets/:id', (client) => client.get(paths.supportTicket('tkt_x'))],
  ['POST /support/tickets/:id/accept', (client) => client.post(paths.supportTicketAccept('tkt_x'))],
  ['POST /support/tickets/:id/close', (client) => client.post(paths.supportTicketClose('tkt_x'))],
  [
    'POST /support/tickets/:id/replies',
    (client) => client.post(paths.supportTicketReplies('tkt_x'), { body: 'hi', attachmentIds: [] }),
  ],
  [
    'POST /support/tickets/:id/unbind-mfa',
    (client) => client.post(paths.supportTicketUnbindMfa('tkt_x'), { reply: 'done' }),
  ],
  ['POST /tickets (another type)', (client) => client.post(paths.tickets, BUG_REPORT)],
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

    const status = await bob.get(paths.ticketEmailCode);
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
      await bob.post(paths.tickets, unbindRequest(code, [attachmentId])),
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
    expect(sessionSchema.parse((await bob.get(paths.session)).body).state).toBe('mfa_required');
    expectError(await bob.get(paths.ticket(ticket.id)), 'MFA_REQUIRED');
  });

  it('refuses a session owing a binding even the ticket steps', async () => {
    const carol = await api.signedIn('carol@example.com');

    expectError(await carol.get(paths.ticketEmailCode), 'MFA_SETUP_REQUIRED');
    expectError(await carol.post(paths.ticketEmailCode), 'MFA_SETUP_REQUIRED');
    expectError(await uploadFile(carol, 'a.png', PNG_BYTES), 'MFA_SETUP_REQUIRED');
    expectError(await carol.post(paths.tickets, unbindRequest('123456')), 'MFA_SETUP_REQUIRED');
    expect(await ticketCount()).toBe(0);
  });

  it('makes no ticket of another type from the login step', async () => {
    const bob = await pendingBob();

    expectError(await bob.post(paths.tickets, BUG_REPORT), 'MFA_REQUIRED');
    expect(await ticketCount()).toBe(0);
  });

  it('answers 401 to the ticket steps without a session', async () => {
    const nobody = api.client();

    expectError(await nobody.get(paths.ticketEmailCode), 'UNAUTHENTICATED');
    expectError(await nobody.post(paths.ticketEmailCode), 'UNAUTHENTICATED');
    expectError(await uploadFile(nobody, 'a.png', PNG_BYTES), 'UNAUTHENTICATED');
    expectError(await nobody.post(paths.tickets, unbindRequest('123456')), 'UNAUTHENTICATED');
  });
});

describe('an Unbind MFA ticket needs a valid email code (TICKET-4)', () => {
  it('is refused without a code', async () => {
    const bob = await pendingBob();

    const error = expectError(await bob.post(paths.tickets, unbindRequest()), 'VALIDATION_FAILED');

    expect(error.fieldErrors).toEqual({ emailCode: 'required' });
    expect(await ticketCount()).toBe(0);
  });

  it('is refused with a wrong code and with a used one, alike', async () => {
    const bob = await pendingBob();
    const code = await ticketCode(bob);
    const wrong = code === '000000' ? '000001' : '000000';

    expectError(await bob.post(paths.tickets, unbindRequest(wrong)), 'INVALID_EMAIL_CODE');
    await created(await bob.post(paths.tickets, unbindRequest(code)));
    expectError(await bob.post(paths.tickets, unbindRequest(code)), 'INVALID_EMAIL_CODE');
    expect(await ticketCount()).toBe(1);
  });

  it('is refused with a code older than 10 minutes', async () => {
    // A login owing its code lasts 10 minutes too, so an active account with MFA shows it.
    const alice = await boundAlice();
    const code = await ticketCode(alice, 'alice@example.com');
    api.time.advance(10 * MINUTE_MS);

    expectError(await alice.post(paths.tickets, unbindRequest(code)), 'INVALID_EMAIL_CODE');
    expect(await ticketCount()).toBe(0);
  });

  it('does not take a code sent for binding MFA', async () => {
    const alice = await api.signedIn('alice@example.com');
    await alice.post(paths.enrollmentEmailCode);
    const bindCode = await latestEmailCode(api.server, 'alice@example.com');
    await bindMfa('alice@example.com');

    expectError(await alice.post(paths.tickets, unbindRequest(bindCode)), 'INVALID_EMAIL_CODE');
  });

  it('keeps the code when the request is refused for an attachment', async () => {
    const bob = await pendingBob();
    const code = await ticketCode(bob);

    const refused = await bob.post(paths.tickets, unbindRequest(code, ['att_nobody']));
    expect(expectError(refused, 'VALIDATION_FAILED').fieldErrors).toEqual({
      attachmentIds: 'invalid',
    });

    await created(await bob.post(paths.tickets, unbindRequest(code)));
  });

  it('is refused for an account without MFA', async () => {
    const alice = await api.signedIn('alice@example.com');

    expectError(await alice.post(paths.ticketEmailCode), 'MFA_NOT_BOUND');
    expectError(await alice.post(paths.tickets, unbindRequest('123456')), 'MFA_NOT_BOUND');
  });

  it('is refused on another type, which takes no email code', async () => {
    const alice = await api.signedIn('alice@example.com');

    const response = await alice.post(paths.tickets, { ...BUG_REPORT, emailCode: '123456' });

    expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual({
      emailCode: 'unrecognized_key',
    });
  });
});

describe('a ticket never unbinds anything by itself (TICKET-9)', () => {
  it('leaves MFA bound after submitting, and after customer service accepts it', async () => {
    const bob = await pendingBob();
    const ticket = await created(
      await bob.post(paths.tickets, unbindRequest(await ticketCode(bob))),
    );
    expect(await bobIsBound()).toBe(true);

    const support = await api.signedIn('support@example.com');
    expect((await support.post(paths.supportTicketAccept(ticket.id))).status).toBe(200);

    expect(await bobIsBound()).toBe(true);
    const again = await api.client().logIn('bob@example.com');
    expect(sessionSchema.parse(again.body).state).toBe('mfa_required');
  });

  it('unbinds when an agent processes it, ends the login owing a code, and emails each step', async () => {
    const bob = await pendingBob();
    const ticket = await created(
      await bob.post(paths.tickets, unbindRequest(await ticketCode(bob))),
    );
    const support = await api.signedIn('support@example.com');

    const early = await support.post(paths.supportTicketUnbindMfa(ticket.id), { reply: 'Done.' });
    expectError(early, 'TICKET_STATUS_CONFLICT');
    expect(await bobIsBound()).toBe(true);

    await support.post(paths.supportTicketAccept(ticket.id));
    const review = supportTicketSchema.parse(
      (await support.get(paths.supportTicket(ticket.id))).body,
    );
    expect(review.review).toEqual({
      accountEmail: 'bob@example.com',
      accountName: 'Bob Li',
      workspaceName: 'Demo Workspace',
      mfaBound: true,
      mfaUnboundAt: null,
    });
    expect(review.verification).toEqual({ password: true, email: true, submittedFrom: 'login' });
    expect(review.actions).toEqual(['reply', 'close', 'unbind_mfa']);

    const processed = await support.post(paths.supportTicketUnbindMfa(ticket.id), {
      reply: 'We unbound MFA from your account. Log in with your password and bind it again.',
    });

    expect(processed.status).toBe(200);
    const after = supportTicketSchema.parse(processed.body);
    expect(after.status).toBe('feedback_provided');
    expect(after.review?.mfaBound).toBe(false);
    expect(after.actions).toEqual(['reply', 'close']);
    expect(await bobIsBound()).toBe(false);
    expectError(await bob.post(paths.sessionMfa, { code: '123456' }), 'UNAUTHENTICATED');
    const login = await api.client().logIn('bob@example.com');
    expect(sessionSchema.parse(login.body).state).toBe('active');

    expectError(
      await support.post(paths.supportTicketUnbindMfa(ticket.id), { reply: 'Again.' }),
      'TICKET_STATUS_CONFLICT',
    );
    const subjects = await api.server.run((state) =>
      state.outbox.filter((mail) => mail.to === 'bob@example.com').map((mail) => mail.subject),
    );
    expect(subjects).toEqual([
      'Your verification code for an Unbind MFA ticket',
      `[${ticket.number}] We received your ticket`,
      `[${ticket.number}] Customer service is working on your ticket`,
      'MFA was unbound from your account',
      `[${ticket.number}] Customer service replied to your ticket`,
    ]);
  });

  it('records the ticket in the audit log of MFA events (MOCK-7), with no code in it', async () => {
    const bob = await pendingBob();
    const code = await ticketCode(bob);
    const ticket = await created(await bob.post(paths.tickets, unbindRequest(code)));
    const support = await api.signedIn('support@example.com');
    await support.post(paths.supportTicketAccept(ticket.id));
    await support.post(paths.supportTicketUnbindMfa(ticket.id), { reply: 'Done.' });

    const bobNow = await api.signedIn('bob@example.com');
    const audit = await bobNow.get(paths.accountAudit);
    const events = auditListSchema
      .parse(audit.body)
      .events.map(({ event, detail }) => ({ event, detail }));
    expect(events.slice(0, 3)).toEqual([
      { event: 'ticket.unbind_processed', detail: { ticket: ticket.number } },
      { event: 'mfa.unbound', detail: { by: 'support' } },
      { event: 'ticket.unbind_requested', detail: { ticket: ticket.number } },
    ]);
    expect(audit.text).not.toContain(code);
  });

  it('refuses to unbind through a ticket of another type', async () => {
    const alice = await api.signedIn('alice@example.com');
    const ticket = await fileBugReport(alice);
    const support = await api.signedIn('support@example.com');
    await support.post(paths.supportTicketAccept(ticket.id));

    expectError(
      await support.post(paths.supportTicketUnbindMfa(ticket.id), { reply: 'Done.' }),
      'TICKET_STATUS_CONFLICT',
    );
  });
});

describe('customer service actions (TICKET-7, TICKET-9)', () => {
  const SUPPORT_ACTIONS = [
    ['GET /support/tickets', (client: ApiClient) => client.get(paths.supportTickets)],
    [
      'GET /support/tickets/:id',
      (client: ApiClient, id: string) => client.get(paths.supportTicket(id)),
    ],
    ['accept', (client: ApiClient, id: string) => client.post(paths.supportTicketAccept(id))],
    [
      'reply',
      (client: ApiClient, id: string) =>
        client.post(paths.supportTicketReplies(id), { body: 'Hello', attachmentIds: [] }),
    ],
    ['close', (client: ApiClient, id: string) => client.post(paths.supportTicketClose(id))],
    [
      'unbind',
      (client: ApiClient, id: string) =>
        client.post(paths.supportTicketUnbindMfa(id), { reply: 'Done.' }),
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
    const support = await api.signedIn('support@example.com');
    const own = await fileBugReport(support);

    for (const [, call] of SUPPORT_ACTIONS.slice(2)) {
      expectError(await call(support, own.id), 'FORBIDDEN');
    }
    const view = supportTicketSchema.parse((await support.get(paths.supportTicket(own.id))).body);
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
    const support = await api.signedIn('support@example.com');

    const all = ticketPageSchema.parse((await support.get(paths.supportTickets)).body);
    expect(all.tickets.map((ticket) => ticket.workspace?.name)).toEqual([
      'Secure Workspace',
      'Demo Workspace',
      'Demo Workspace',
    ]);
    const bugs = ticketPageSchema.parse(
      (await support.get(`${paths.supportTickets}?type=bug_report&q=alerts`)).body,
    );
    expect(bugs.tickets.map((ticket) => ticket.title)).toEqual(['Alerts are late']);
  });
});

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

    expectError(await alice.get(paths.workspaceTickets('ws_secure')), 'NOT_FOUND');
    expectError(await alice.get(paths.workspaceTicketsExport('ws_secure')), 'NOT_FOUND');
    expectError(await alice.get(paths.ticket(secure.id)), 'NOT_FOUND');
    expectError(
      await alice.get(paths.ticketAttachment((upload.body as { id: string }).id)),
      'NOT_FOUND',
    );
    expectError(await alice.post(paths.ticketCancel(secure.id)), 'NOT_FOUND');
    expectError(await carol.get(paths.ticket(demo.id)), 'NOT_FOUND');
    expectError(await carol.get(paths.workspaceTickets('ws_demo')), 'NOT_FOUND');
    expect(withFile.id).not.toBe(secure.id);
  });

  it('gates the tickets of a workspace like the workspace: owing MFA for it means binding first (MANDATORY-3)', async () => {
    const owner = await api.signedIn('owner@example.com');
    expect((await owner.get(paths.workspaceTickets('ws_demo'))).status).toBe(200);

    expectError(await owner.get(paths.workspaceTickets('ws_secure')), 'MFA_SETUP_REQUIRED');

    // The same gate as GET /workspaces/ws_secure: the session now owes the binding (LOGIN-4).
    expect(sessionSchema.parse((await owner.get(paths.session)).body)).toMatchObject({
      state: 'mfa_setup_required',
      workspace: { id: 'ws_secure' },
    });
    expectError(await owner.get(paths.workspaceTickets('ws_demo')), 'MFA_SETUP_REQUIRED');
  });

  it('shows colleagues a workspace ticket to read, with no actions, and only the requester acts', async () => {
    const alice = await api.signedIn('alice@example.com');
    const ticket = await fileBugReport(alice);
    const owner = await api.signedIn('owner@example.com');

    const seen = ticketDetailSchema.parse((await owner.get(paths.ticket(ticket.id))).body);
    expect(seen).toMatchObject({
      ownTicket: false,
      actions: [],
      requester: { email: 'alice@example.com' },
    });
    expectError(await owner.post(paths.ticketCancel(ticket.id)), 'FORBIDDEN');
    const own = ticketDetailSchema.parse((await alice.get(paths.ticket(ticket.id))).body);
    expect(own).toMatchObject({ ownTicket: true, actions: ['cancel', 'reply'] });
  });

  it('lists All Tickets of the workspace and My Tickets across workspaces', async () => {
    const alice = await api.signedIn('alice@example.com');
    await fileBugReport(alice, { title: 'From alice' });
    const owner = await api.signedIn('owner@example.com');
    await fileBugReport(owner, { title: 'From the owner' });

    const all = ticketPageSchema.parse((await alice.get(paths.workspaceTickets('ws_demo'))).body);
    const mine = ticketPageSchema.parse((await alice.get(paths.tickets)).body);

    expect(all.tickets.map((ticket) => ticket.title)).toEqual(['From the owner', 'From alice']);
    expect(mine.tickets.map((ticket) => ticket.title)).toEqual(['From alice']);
  });
});

describe('attachment limits hold at the API (TICKET-3)', () => {
  it.each([
    ['an .exe', 'setup.exe', 'attachment_type'],
    ['a name ending in .exe behind .png', 'photo.png.exe', 'attachment_type'],
    ['a name without an extension', 'README', 'attachment_type'],
    ['an .svg', 'logo.svg', 'attachment_type'],
  ])('refuses %s', async (_label, name, problem) => {
    const alice = await api.signedIn('alice@example.com');

    const response = await uploadFile(alice, name, 'MZ');

    expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual({ file: problem });
    expect(await api.server.run((state) => state.attachments.length)).toBe(0);
  });

  it('checks the file name even when the client sends no separate name', async () => {
    const alice = await api.signedIn('alice@example.com');

    const response = await uploadFile(alice, 'setup.exe', 'MZ', { nameField: false });

    expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual({
      file: 'attachment_type',
    });
  });

  it('takes 8 MB exactly, refuses one byte more, and refuses an empty file', async () => {
    const alice = await api.signedIn('alice@example.com');

    expect((await uploadFile(alice, 'big.zip', new Uint8Array(ATTACHMENT_MAX_BYTES))).status).toBe(
      201,
    );
    const tooBig = await uploadFile(alice, 'bigger.zip', new Uint8Array(ATTACHMENT_MAX_BYTES + 1));
    expect(expectError(tooBig, 'VALIDATION_FAILED').fieldErrors).toEqual({
      file: 'attachment_too_big',
    });
    const empty = await uploadFile(alice, 'empty.txt', '');
    expect(expectError(empty, 'VALIDATION_FAILED').fieldErrors).toEqual({
      file: 'attachment_empty',
    });
  });

  it('takes every allowed type, in any case, and serves it by its extension', async () => {
    const alice = await api.signedIn('alice@example.com');
    const names = [
      'a.PNG',
      'b.gif',
      'c.jpg',
      'd.jpeg',
      'e.bmp',
      'f.doc',
      'g.docx',
      'h.pdf',
      'i.xlsx',
      'j.xls',
      'k.txt',
      'l.zip',
      'm.rar',
    ];

    const types = [];
    for (const name of names) {
      const response = await uploadFile(alice, name, 'x');
      expect(response.status, name).toBe(201);
      types.push((response.body as { contentType: string }).contentType);
    }
    expect(types.slice(0, 3)).toEqual(['image/png', 'image/gif', 'image/jpeg']);
  });

  it('refuses more than 5 attachments in one submission', async () => {
    const alice = await api.signedIn('alice@example.com');
    const ids: string[] = [];
    for (let index = 0; index < 6; index++) {
      ids.push(
        ((await uploadFile(alice, `shot-${index}.png`, PNG_BYTES)).body as { id: string }).id,
      );
    }

    const response = await alice.post(paths.tickets, { ...BUG_REPORT, attachmentIds: ids });

    expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual({
      attachmentIds: 'too_big',
    });
    await fileBugReport(alice, { attachmentIds: ids.slice(0, 5) });
  });

  it("refuses someone else's upload and one already used", async () => {
    const alice = await api.signedIn('alice@example.com');
    const owner = await api.signedIn('owner@example.com');
    const ownerFile = ((await uploadFile(owner, 'owner.png', PNG_BYTES)).body as { id: string }).id;
    const aliceFile = ((await uploadFile(alice, 'alice.png', PNG_BYTES)).body as { id: string }).id;
    await fileBugReport(alice, { attachmentIds: [aliceFile] });

    for (const ids of [[ownerFile], [aliceFile]]) {
      const response = await alice.post(paths.tickets, { ...BUG_REPORT, attachmentIds: ids });
      expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual({
        attachmentIds: 'invalid',
      });
    }
  });

  it('requires an attachment for Change Owner Account', async () => {
    const owner = await api.signedIn('owner@example.com');

    const response = await owner.post(paths.tickets, { ...BUG_REPORT, type: 'change_owner' });

    expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual({
      attachmentIds: 'required',
    });
    const form = ((await uploadFile(owner, 'signed-form.pdf', '%PDF-1.4')).body as { id: string })
      .id;
    await fileBugReport(owner, { type: 'change_owner', attachmentIds: [form] });
  });

  it('opens an attachment again from the ticket, byte for byte, for who may read it', async () => {
    const alice = await api.signedIn('alice@example.com');
    const upload = (await uploadFile(alice, 'screen shot é.png', PNG_BYTES)).body as { id: string };
    const ticket = await fileBugReport(alice, { attachmentIds: [upload.id] });
    const detail = ticketDetailSchema.parse((await alice.get(paths.ticket(ticket.id))).body);
    const entry = detail.entries[0];
    expect(
      entry?.kind === 'message' && entry.attachments.map(({ name, size }) => ({ name, size })),
    ).toEqual([{ name: 'screen shot é.png', size: PNG_BYTES.length }]);

    const file = await download(alice, paths.ticketAttachment(upload.id));

    expect(file.status).toBe(200);
    expect(file.bytes).toEqual(PNG_BYTES);
    expect(file.headers.get('Content-Type')).toBe('image/png');
    expect(file.headers.get('Content-Disposition')).toBe(
      `attachment; filename="screen shot _.png"; filename*=UTF-8''screen%20shot%20%C3%A9.png`,
    );
    expect(file.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const support = await api.signedIn('support@example.com');
    expect((await download(support, paths.ticketAttachment(upload.id))).bytes).toEqual(PNG_BYTES);
    expect((await download(api.client(), paths.ticketAttachment(upload.id))).status).toBe(401);
  });

  it('caps the uploads an account holds unused', async () => {
    const bob = await pendingBob();
    for (let index = 0; index < 20; index++) {
      expect((await uploadFile(bob, `${index}.txt`, 'x')).status).toBe(201);
    }

    expectError(await uploadFile(bob, 'one-more.txt', 'x'), 'RATE_LIMITED');
  });
});

describe('one ticket per submission (Idempotency-Key)', () => {
  it('answers a repeated creation with the ticket the first one made', async () => {
    const alice = await api.signedIn('alice@example.com');

    const first = await createWithKey(alice, BUG_REPORT, 'submit-7f3a9c1e');
    const second = await createWithKey(alice, BUG_REPORT, 'submit-7f3a9c1e');

    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await ticketCount()).toBe(1);
  });

  it('remembers the key across the email code, which the first request spent', async () => {
    const bob = await pendingBob();
    const request = unbindRequest(await ticketCode(bob));

    const first = await createWithKey(bob, request, 'unbind-0001-abcd');
    const second = await createWithKey(bob, request, 'unbind-0001-abcd');

    expect(second.body).toEqual(first.body);
    expect(await ticketCount()).toBe(1);
  });

  it('refuses a key reused for other content, and makes two tickets from two keys', async () => {
    const alice = await api.signedIn('alice@example.com');
    await createWithKey(alice, BUG_REPORT, 'submit-aaaa-0001');

    const reused = await createWithKey(
      alice,
      { ...BUG_REPORT, title: 'Other' },
      'submit-aaaa-0001',
    );
    expectError(reused, 'IDEMPOTENCY_KEY_REUSED');
    expect((await createWithKey(alice, BUG_REPORT, 'submit-aaaa-0002')).status).toBe(201);
    expect(await ticketCount()).toBe(2);
  });

  it('keeps keys apart per account', async () => {
    const alice = await api.signedIn('alice@example.com');
    const owner = await api.signedIn('owner@example.com');

    await createWithKey(alice, BUG_REPORT, 'same-key-0001');
    await createWithKey(owner, BUG_REPORT, 'same-key-0001');

    expect(await ticketCount()).toBe(2);
  });

  it('refuses a malformed key', async () => {
    const alice = await api.signedIn('alice@example.com');

    const response = await createWithKey(alice, BUG_REPORT, 'short');

    expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual({
      idempotencyKey: 'invalid_format',
    });
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
        submitTicket(
          state,
          ctx,
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

    const response = await alice.get(`${paths.tickets}?page=3&pageSize=50`);

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
      (await alice.get(`${paths.workspaceTickets('ws_demo')}?type=feature_request&pageSize=10`))
        .body,
    );
    expect(features.total).toBe(500);
    const byTitle = ticketPageSchema.parse((await alice.get(`${paths.tickets}?q=TICKET 99`)).body);
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
    const byNumber = ticketPageSchema.parse((await alice.get(`${paths.tickets}?q=tk100500`)).body);
    expect(byNumber.tickets.map((ticket) => ticket.number)).toEqual(['TK100500']);
    const closed = ticketPageSchema.parse((await alice.get(`${paths.tickets}?status=closed`)).body);
    expect(closed).toMatchObject({ total: 0, tickets: [] });
  });

  it('exports every filtered row, not one page', async () => {
    const alice = await thousandTickets();

    const response = await alice.get(`${paths.ticketsExport}?type=bug_report`);

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

    const response = await alice.get(`${paths.tickets}${search}`);

    expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual(fields);
  });
});

describe('Reset demo data (MOCK-8)', () => {
  it('drops the bytes of every attachment along with the state', async () => {
    const alice = await api.signedIn('alice@example.com');
    const upload = (await uploadFile(alice, 'a.png', PNG_BYTES)).body as { id: string };
    expect(await api.server.attachments.get(upload.id)).not.toBeNull();

    expect((await api.client().post(paths.devReset)).status).toBe(204);

    expect(await api.server.attachments.get(upload.id)).toBeNull();
  });
});
