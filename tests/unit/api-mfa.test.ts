import { HttpHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import { accountSchema } from '@/api/schemas/account';
import { mailboxSchema } from '@/api/schemas/dev';
import {
  auditListSchema,
  emailCodeSentSchema,
  enrollmentSecretSchema,
  enrollmentStatusSchema,
} from '@/api/schemas/mfa';
import { sessionSchema } from '@/api/schemas/session';
import { allHandlers } from '@/mocks/handlers/all-handlers';
import { memoryJar } from '@/mocks/handlers/session-jar';
import { BOB_TOTP_SECRET } from '@/mocks/seed';
import { expectError, setupMockApi, type ApiClient, type ApiResponse } from './support/api-client';
import { BUG_REPORT, uploadFile } from './support/tickets';
import { totpAt, wrongCodes } from './support/mfa';

const api = setupMockApi();

const STEP_MS = 30_000;

const bobCode = (stepDelta = 0) => totpAt(BOB_TOTP_SECRET, api.time.now, stepDelta);

/** The code in the newest email to `to`, read from the dev mailbox like a tester would. */
async function mailboxCode(to: string): Promise<string> {
  const { messages } = mailboxSchema.parse((await api.client().get(paths.devMailbox)).body);
  const code = messages
    .find((message) => message.to === to)
    ?.body.match(/verification code is (\d{6})\b/)?.[1];
  if (!code) throw new Error(`no verification code in the mailbox for ${to}`);
  return code;
}

async function mailTo(to: string) {
  const { messages } = mailboxSchema.parse((await api.client().get(paths.devMailbox)).body);
  return messages.filter((message) => message.to === to);
}

function expectOk(response: ApiResponse, status = 200): void {
  expect(response.status, response.text).toBe(status);
}

/** BIND-1 and BIND-2 over HTTP; returns every response and the secret. */
async function startBinding(client: ApiClient, email: string) {
  const emailCode = await client.post(paths.enrollmentEmailCode);
  expectOk(emailCode);
  const identity = await client.post(paths.enrollmentIdentity, { code: await mailboxCode(email) });
  expectOk(identity, 204);
  const secretResponse = await client.post(paths.enrollmentSecret);
  expectOk(secretResponse);
  const { secret } = enrollmentSecretSchema.parse(secretResponse.body);
  return { secret, responses: [emailCode, identity, secretResponse] };
}

/** The whole bind wizard over HTTP for a signed-in client. */
async function bind(client: ApiClient, email: string) {
  const started = await startBinding(client, email);
  const confirmed = await client.post(paths.enrollmentConfirm, {
    code: totpAt(started.secret, api.time.now),
  });
  expectOk(confirmed);
  return { secret: started.secret, responses: [...started.responses, confirmed] };
}

/** A bob client past the code step. */
async function activeBob(): Promise<ApiClient> {
  const bob = await api.signedIn('bob@example.com');
  expectOk(await bob.post(paths.sessionMfa, { code: bobCode() }));
  return bob;
}

async function bobAccount() {
  return api.server.run((state) =>
    structuredClone(state.accounts.find((account) => account.id === 'acc_bob')),
  );
}

describe('the bind wizard over HTTP (BIND-1 to BIND-3)', () => {
  it('binds alice: email code, identity, secret, confirm; the account then reads bound', async () => {
    const alice = await api.signedIn('alice@example.com');

    const before = await alice.get(paths.enrollment);
    expect(enrollmentStatusSchema.parse(before.body)).toEqual({
      stage: 'identity',
      maskedEmail: 'a***e@example.com',
      resendInSeconds: null,
    });

    const sent = await alice.post(paths.enrollmentEmailCode);
    expect(emailCodeSentSchema.parse(sent.body)).toEqual({ resendInSeconds: 60 });
    const [codeEmail] = await mailTo('alice@example.com');
    expect(codeEmail?.subject).toBe('Your verification code for binding MFA');

    api.time.advance(20_000);
    expect(enrollmentStatusSchema.parse((await alice.get(paths.enrollment)).body)).toEqual({
      stage: 'identity',
      maskedEmail: 'a***e@example.com',
      resendInSeconds: 40,
    });

    const identity = await alice.post(paths.enrollmentIdentity, {
      code: await mailboxCode('alice@example.com'),
    });
    expect(identity.status).toBe(204);
    expect(identity.text).toBe('');
    expect(enrollmentStatusSchema.parse((await alice.get(paths.enrollment)).body).stage).toBe(
      'app',
    );

    const secretResponse = await alice.post(paths.enrollmentSecret);
    expect(secretResponse.status).toBe(200);
    const issued = enrollmentSecretSchema.parse(secretResponse.body);
    expect(issued).toEqual({
      secret: expect.stringMatching(/^[A-Z2-7]{32}$/),
      otpauthUri: expect.stringContaining('otpauth://totp/Guance:alice%40example.com?'),
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      expiresInSeconds: 600,
    });
    expect(new URL(issued.otpauthUri).searchParams.get('secret')).toBe(issued.secret);

    api.time.advance(STEP_MS);
    const confirmed = await alice.post(paths.enrollmentConfirm, {
      code: totpAt(issued.secret, api.time.now),
    });

    expect(confirmed.status).toBe(200);
    expect(sessionSchema.parse(confirmed.body)).toMatchObject({
      state: 'active',
      user: { email: 'alice@example.com', mfaBound: true },
    });
    expect(confirmed.headers.get('Set-Cookie')).toBeNull();
    const account = accountSchema.parse((await alice.get(paths.account)).body);
    expect(account.mfa).toEqual({ bound: true, boundAt: new Date(api.time.now).toISOString() });
    const [boundEmail] = await mailTo('alice@example.com');
    expect(boundEmail?.subject).toBe('MFA was bound to your account');
    expect(boundEmail?.body).not.toContain(issued.secret);
  });

  it('then asks alice for the code at login, and refuses the step that confirmed the binding', async () => {
    const alice = await api.signedIn('alice@example.com');
    const { secret } = await bind(alice, 'alice@example.com');

    const again = await api.signedIn('alice@example.com');
    expect(sessionSchema.parse((await again.get(paths.session)).body).state).toBe('mfa_required');

    expectError(
      await again.post(paths.sessionMfa, { code: totpAt(secret, api.time.now) }),
      'INVALID_CODE',
    );
    api.time.advance(STEP_MS);
    expectOk(await again.post(paths.sessionMfa, { code: totpAt(secret, api.time.now) }));
  });

  it('lets carol through the forced bind into her workspace, with a new session cookie (LOGIN-4)', async () => {
    const carol = await api.signedIn('carol@example.com');
    const pendingCookie = carol.cookie;
    expectError(await carol.get(paths.workspace('ws_secure')), 'MFA_SETUP_REQUIRED');
    const { secret } = await startBinding(carol, 'carol@example.com');

    const confirmed = await carol.post(paths.enrollmentConfirm, {
      code: totpAt(secret, api.time.now),
    });

    expect(sessionSchema.parse(confirmed.body)).toMatchObject({
      state: 'active',
      currentWorkspaceId: 'ws_secure',
      user: { email: 'carol@example.com', mfaBound: true },
    });
    expect(confirmed.headers.get('Set-Cookie')).toMatch(/^gsid=[^;]+;.*HttpOnly/);
    expect(carol.cookie).not.toBe(pendingCookie);
    expectOk(await carol.get(paths.workspace('ws_secure')));

    const stale = api.client();
    stale.cookie = pendingCookie;
    expect((await stale.get(paths.session)).body).toEqual({ state: 'anonymous' });
  });

  it('refuses a wrong email code at the identity step, and issues no secret', async () => {
    const alice = await api.signedIn('alice@example.com');
    await alice.post(paths.enrollmentEmailCode);
    const code = await mailboxCode('alice@example.com');
    const wrong = code === '000000' ? '000001' : '000000';

    expectError(await alice.post(paths.enrollmentIdentity, { code: wrong }), 'INVALID_EMAIL_CODE');
    expectError(await alice.post(paths.enrollmentSecret), 'ENROLLMENT_REQUIRED');
  });

  it('limits email codes to one a minute, with Retry-After', async () => {
    const alice = await api.signedIn('alice@example.com');
    await alice.post(paths.enrollmentEmailCode);
    api.time.advance(25_000);

    const refused = await alice.post(paths.enrollmentEmailCode);

    expect(expectError(refused, 'RATE_LIMITED').retryAfter).toBe(35);
    expect(refused.headers.get('Retry-After')).toBe('35');
    expect(await mailTo('alice@example.com')).toHaveLength(1);
  });

  it('discards the pending secret on DELETE (BIND-4)', async () => {
    const alice = await api.signedIn('alice@example.com');
    const { secret } = await startBinding(alice, 'alice@example.com');

    const cancelled = await alice.delete(paths.enrollment);

    expect(cancelled.status).toBe(204);
    expectError(
      await alice.post(paths.enrollmentConfirm, { code: totpAt(secret, api.time.now) }),
      'ENROLLMENT_REQUIRED',
    );
    expect(enrollmentStatusSchema.parse((await alice.get(paths.enrollment)).body).stage).toBe(
      'identity',
    );
    expect(await api.server.run((state) => state.enrollments)).toEqual([]);
  });

  it('marks every setup response, success or refusal, Cache-Control: no-store (MOCK-6)', async () => {
    const alice = await api.signedIn('alice@example.com');
    const responses: Array<[string, ApiResponse]> = [
      ['GET enrollment', await alice.get(paths.enrollment)],
      ['POST secret before identity', await alice.post(paths.enrollmentSecret)],
    ];
    const { responses: wizard, secret } = await startBinding(alice, 'alice@example.com');
    const [wrong = ''] = wrongCodes(secret, api.time.now, 1);
    responses.push(
      ['POST email-code', wizard[0] as ApiResponse],
      ['POST identity', wizard[1] as ApiResponse],
      ['POST secret', wizard[2] as ApiResponse],
      ['POST email-code too soon', await alice.post(paths.enrollmentEmailCode)],
      ['POST confirm, bad body', await alice.post(paths.enrollmentConfirm, { code: 'x' })],
      ['POST confirm, wrong code', await alice.post(paths.enrollmentConfirm, { code: wrong })],
      [
        'POST confirm',
        await alice.post(paths.enrollmentConfirm, { code: totpAt(secret, api.time.now) }),
      ],
    );
    api.time.advance(STEP_MS);
    responses.push(
      ['POST unbind', await alice.post(paths.unbindMfa, { code: totpAt(secret, api.time.now) })],
      ['POST unbind, not bound', await alice.post(paths.unbindMfa, { code: '123456' })],
      ['DELETE enrollment', await alice.delete(paths.enrollment)],
    );

    expect(responses.map(([label, response]) => `${label}: ${response.status}`)).toEqual([
      'GET enrollment: 200',
      'POST secret before identity: 409',
      'POST email-code: 200',
      'POST identity: 204',
      'POST secret: 200',
      'POST email-code too soon: 429',
      'POST confirm, bad body: 400',
      'POST confirm, wrong code: 400',
      'POST confirm: 200',
      'POST unbind: 200',
      'POST unbind, not bound: 409',
      'DELETE enrollment: 204',
    ]);
    for (const [label, response] of responses) {
      expect(`${label}: ${response.headers.get('Cache-Control')}`).toBe(`${label}: no-store`);
    }
  });
});

describe('the secret never leaves the server once bound (BIND-5, MOCK-6)', () => {
  /** Filled in by the test once alice has filed a ticket with an attachment. */
  let TICKET_ID = '';
  let ATTACHMENT_ID = '';
  /** Every GET endpoint of the mock server, as a route pattern and a path to call. */
  const getEndpoints = (): ReadonlyArray<readonly [route: string, path: string]> => [
    ['/api/v1/session', paths.session],
    ['/api/v1/account', paths.account],
    ['/api/v1/account/audit', paths.accountAudit],
    ['/api/v1/mfa/enrollment', paths.enrollment],
    ['/api/v1/workspaces/:workspaceId', paths.workspace('ws_demo')],
    ['/api/v1/workspaces/:workspaceId/members', paths.workspaceMembers('ws_demo')],
    ['/api/v1/workspaces/:workspaceId/security', paths.workspaceSecurity('ws_demo')],
    ['/api/v1/workspaces/:workspaceId/tickets', paths.workspaceTickets('ws_demo')],
    ['/api/v1/workspaces/:workspaceId/tickets/export', paths.workspaceTicketsExport('ws_demo')],
    ['/api/v1/tickets', paths.tickets],
    ['/api/v1/tickets/export', paths.ticketsExport],
    ['/api/v1/tickets/email-code', paths.ticketEmailCode],
    ['/api/v1/tickets/:ticketId', paths.ticket(TICKET_ID)],
    ['/api/v1/tickets/attachments/:attachmentId', paths.ticketAttachment(ATTACHMENT_ID)],
    ['/api/v1/support/tickets', paths.supportTickets],
    ['/api/v1/support/tickets/:ticketId', paths.supportTicket(TICKET_ID)],
    ['/api/dev/mailbox', paths.devMailbox],
    ['/api/dev/authenticator', paths.devAuthenticator],
    ['/api/dev/status', paths.devStatus],
  ];

  it('checks every GET route the mock server has', () => {
    const routes = allHandlers({ server: api.server, jar: memoryJar() })
      .filter((handler) => handler instanceof HttpHandler && handler.info.method === 'GET')
      .map((handler) => String(handler.info.path));

    expect([...routes].sort()).toEqual(
      getEndpoints()
        .map(([route]) => route)
        .sort(),
    );
  });

  it('appears in no response of any endpoint after the bind, to any caller, in any spelling', async () => {
    const alice = await api.signedIn('alice@example.com');
    const { secret, responses } = await bind(alice, 'alice@example.com');
    const secretResponse = responses[2];
    expect(secretResponse?.text).toContain(secret);
    const upload = await uploadFile(alice, 'notes.txt', 'my notes');
    ATTACHMENT_ID = (upload.body as { id: string }).id;
    const ticket = await alice.post(paths.tickets, {
      ...BUG_REPORT,
      attachmentIds: [ATTACHMENT_ID],
    });
    TICKET_ID = (ticket.body as { id: string }).id;

    const callers: Array<[string, ApiClient]> = [
      ['alice', alice],
      ['alice, code owed', await api.signedIn('alice@example.com')],
      ['owner', await api.signedIn('owner@example.com')],
      ['carol, bind owed', await api.signedIn('carol@example.com')],
      ['bob', await activeBob()],
      ['support', await api.signedIn('support@example.com')],
      ['anonymous', api.client()],
    ];
    const seen: Array<[label: string, status: number, text: string]> = responses
      .filter((response) => response !== secretResponse)
      .map((response, index) => [`wizard step ${index}`, response.status, response.text]);
    for (const [route, path] of getEndpoints()) {
      for (const [who, client] of callers) {
        const response = await client.get(path);
        seen.push([`GET ${route} as ${who}`, response.status, response.text]);
      }
    }
    for (const [label, response] of [
      ['POST secret after bind', await alice.post(paths.enrollmentSecret)],
      ['POST email-code after bind', await alice.post(paths.enrollmentEmailCode)],
      ['POST confirm after bind', await alice.post(paths.enrollmentConfirm, { code: '123456' })],
    ] as const) {
      seen.push([label, response.status, response.text]);
    }

    // Each endpoint answered someone with 200, so no check below ran against a refusal only.
    for (const [route] of getEndpoints()) {
      expect(
        seen.some(([label, status]) => label.startsWith(`GET ${route} as`) && status === 200),
        route,
      ).toBe(true);
    }
    // Only the 204 of the identity step is empty: nothing was checked blind.
    expect(seen.filter(([, , text]) => text === '').map(([label]) => label)).toEqual([
      'wizard step 1',
    ]);
    const spellings = [BOB_TOTP_SECRET, secret].flatMap((value) => [
      value,
      value.toLowerCase(),
      value.match(/.{4}/g)?.join(' ') ?? '',
      encodeURIComponent(value),
    ]);
    for (const [label, , text] of seen) {
      for (const spelling of spellings) expect(`${label}: ${text}`).not.toContain(spelling);
    }
  });

  it('shows bob as bound on the dev authenticator with his codes, never his secret', async () => {
    const response = await api.client().get(paths.devAuthenticator);

    expect(response.text).not.toContain(BOB_TOTP_SECRET);
    expect(response.body).toMatchObject({
      accounts: [{ email: 'bob@example.com', code: bobCode(), nextCode: bobCode(1) }],
    });
  });
});

describe('POST /api/v1/session/mfa (LOGIN-3, CODE-3)', () => {
  it('promotes bob on the right code: new cookie, active session, old cookie dead', async () => {
    const bob = await api.signedIn('bob@example.com');
    const pendingCookie = bob.cookie;

    const response = await bob.post(paths.sessionMfa, { code: bobCode() });

    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(sessionSchema.parse(response.body)).toMatchObject({
      state: 'active',
      user: { email: 'bob@example.com', mfaBound: true },
      currentWorkspaceId: 'ws_demo',
    });
    expect(bob.cookie).not.toBeNull();
    expect(bob.cookie).not.toBe(pendingCookie);
    expectOk(await bob.get(paths.account));
    const stale = api.client();
    stale.cookie = pendingCookie;
    expectError(await stale.get(paths.account), 'UNAUTHENTICATED');
  });

  it('answers wrong, expired and replayed codes byte for byte the same', async () => {
    const first = await api.signedIn('bob@example.com');
    const second = await api.signedIn('bob@example.com');
    const usedCode = bobCode();
    const [wrong = ''] = wrongCodes(BOB_TOTP_SECRET, api.time.now, 1);
    expectOk(await first.post(paths.sessionMfa, { code: usedCode }));

    const replayed = await second.post(paths.sessionMfa, { code: usedCode });
    const wrongAnswer = await second.post(paths.sessionMfa, { code: wrong });
    // A step never used, now two steps behind the server's clock.
    const staleCode = bobCode(1);
    api.time.advance(3 * STEP_MS);
    expect([-1, 0, 1].map((delta) => bobCode(delta))).not.toContain(staleCode);
    const expired = await second.post(paths.sessionMfa, { code: staleCode });

    const error = expectError(wrongAnswer, 'INVALID_CODE');
    expect(error.message).not.toContain(wrong);
    for (const response of [replayed, expired]) {
      expect(response.status).toBe(wrongAnswer.status);
      expect(response.text).toBe(wrongAnswer.text);
      expect(response.headers.get('Retry-After')).toBeNull();
      expect(response.headers.get('Set-Cookie')).toBeNull();
    }
    expect((await second.get(paths.session)).body).toMatchObject({ state: 'mfa_required' });
  });

  it('locks after 5 wrong codes: 429 CODE_LOCKED with Retry-After 900, right code refused', async () => {
    const bob = await api.signedIn('bob@example.com');
    const wrong = wrongCodes(BOB_TOTP_SECRET, api.time.now, 5);
    for (const code of wrong.slice(0, 4)) {
      expectError(await bob.post(paths.sessionMfa, { code }), 'INVALID_CODE');
    }

    const locked = await bob.post(paths.sessionMfa, { code: wrong[4] });

    expect(expectError(locked, 'CODE_LOCKED').retryAfter).toBe(900);
    expect(locked.headers.get('Retry-After')).toBe('900');
    expect(locked.headers.get('Cache-Control')).toBe('no-store');

    api.time.advance(5 * MINUTE_MS);
    const stillLocked = await bob.post(paths.sessionMfa, { code: bobCode() });
    expect(expectError(stillLocked, 'CODE_LOCKED').retryAfter).toBe(600);
    expect(stillLocked.headers.get('Retry-After')).toBe('600');

    const other = await api.signedIn('bob@example.com');
    expectError(await other.post(paths.sessionMfa, { code: bobCode() }), 'CODE_LOCKED');

    api.time.advance(10 * MINUTE_MS);
    const late = await api.signedIn('bob@example.com');
    expectOk(await late.post(paths.sessionMfa, { code: bobCode() }));
  });

  it('refuses a session that owes nothing with 403 FORBIDDEN, and leaves it alone', async () => {
    const owner = await api.signedIn('owner@example.com');
    const bob = await activeBob();
    const carol = await api.signedIn('carol@example.com');
    api.time.advance(STEP_MS);

    expectError(await owner.post(paths.sessionMfa, { code: bobCode() }), 'FORBIDDEN');
    expectError(await bob.post(paths.sessionMfa, { code: bobCode() }), 'FORBIDDEN');
    expectError(await carol.post(paths.sessionMfa, { code: bobCode() }), 'FORBIDDEN');

    expectOk(await owner.get(paths.account));
    expectOk(await bob.get(paths.account));
    expect((await bobAccount())?.codeFailures).toBe(0);
  });

  it('answers 401 UNAUTHENTICATED without a session', async () => {
    expectError(await api.client().post(paths.sessionMfa, { code: bobCode() }), 'UNAUTHENTICATED');
  });

  it('answers 401 SESSION_EXPIRED once the pending session is 10 minutes old', async () => {
    const bob = await api.signedIn('bob@example.com');
    api.time.advance(10 * MINUTE_MS);

    expectError(await bob.post(paths.sessionMfa, { code: bobCode() }), 'SESSION_EXPIRED');
  });
});

describe('validation of code bodies (MOCK-1)', () => {
  const BAD_BODIES: ReadonlyArray<readonly [string, () => unknown, Record<string, string>]> = [
    ['5 digits', () => ({ code: bobCode().slice(0, 5) }), { code: 'invalid_format' }],
    ['7 digits', () => ({ code: `${bobCode()}1` }), { code: 'invalid_format' }],
    ['letters', () => ({ code: 'abcdef' }), { code: 'invalid_format' }],
    [
      'a space inside',
      () => ({ code: `${bobCode().slice(0, 3)} ${bobCode().slice(3)}` }),
      { code: 'invalid_format' },
    ],
    [
      'a number instead of a string',
      () => ({ code: Number(`1${bobCode()}`) - 1_000_000 }),
      { code: 'invalid_type' },
    ],
    ['null', () => ({ code: null }), { code: 'invalid_type' }],
    ['no code', () => ({}), { code: 'required' }],
    [
      'an extra field beside the right code',
      () => ({ code: bobCode(), remember: true }),
      { remember: 'unrecognized_key' },
    ],
    ['an array', () => [bobCode()], { _: 'invalid_type' }],
  ];

  it.each(BAD_BODIES)(
    'POST /session/mfa with %s: 400 VALIDATION_FAILED, nothing changed',
    async (_label, body, fieldErrors) => {
      const bob = await api.signedIn('bob@example.com');
      const cookie = bob.cookie;
      const before = await api.server.run((state) => structuredClone(state));

      const response = await bob.post(paths.sessionMfa, body());

      expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual(fieldErrors);
      expect(bob.cookie).toBe(cookie);
      expect(await api.server.run((state) => structuredClone(state))).toEqual(before);
      expect((await bob.get(paths.session)).body).toMatchObject({ state: 'mfa_required' });
    },
  );

  it('answers 400 invalid_json for a body that is not JSON, and changes nothing', async () => {
    const bob = await api.signedIn('bob@example.com');
    const before = await api.server.run((state) => structuredClone(state));

    const response = await bob.send('POST', paths.sessionMfa, { raw: `{"code": "${bobCode()}"` });

    expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual({ _: 'invalid_json' });
    expect(await api.server.run((state) => structuredClone(state))).toEqual(before);
  });

  it.each([
    ['POST /mfa/enrollment/identity', paths.enrollmentIdentity],
    ['POST /mfa/enrollment/confirm', paths.enrollmentConfirm],
  ])('%s checks its body the same way, and changes nothing', async (_label, path) => {
    const alice = await api.signedIn('alice@example.com');
    await startBinding(alice, 'alice@example.com');
    const before = await api.server.run((state) => structuredClone(state));

    for (const [, body, fieldErrors] of BAD_BODIES.filter(([label]) => !label.includes('extra'))) {
      const response = await alice.post(path, body());
      expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual(fieldErrors);
    }

    expect(await api.server.run((state) => structuredClone(state))).toEqual(before);
  });

  it('POST /account/mfa/unbind checks its body, and changes nothing', async () => {
    const bob = await activeBob();
    const before = await api.server.run((state) => structuredClone(state));

    for (const [, body, fieldErrors] of BAD_BODIES) {
      const response = await bob.post(paths.unbindMfa, body());
      expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual(fieldErrors);
    }

    expect(await api.server.run((state) => structuredClone(state))).toEqual(before);
  });
});

describe('a session that still owes the code (LOGIN-5)', () => {
  const ENDPOINTS: ReadonlyArray<
    readonly [string, (client: ApiClient, body: unknown) => Promise<ApiResponse>]
  > = [
    ['GET /mfa/enrollment', (client) => client.get(paths.enrollment)],
    ['POST /mfa/enrollment/email-code', (client) => client.post(paths.enrollmentEmailCode)],
    [
      'POST /mfa/enrollment/identity',
      (client, body) => client.post(paths.enrollmentIdentity, body),
    ],
    ['POST /mfa/enrollment/secret', (client) => client.post(paths.enrollmentSecret)],
    ['POST /mfa/enrollment/confirm', (client, body) => client.post(paths.enrollmentConfirm, body)],
    ['DELETE /mfa/enrollment', (client) => client.delete(paths.enrollment)],
    ['POST /account/mfa/unbind', (client, body) => client.post(paths.unbindMfa, body)],
    ['GET /account', (client) => client.get(paths.account)],
    ['GET /account/audit', (client) => client.get(paths.accountAudit)],
  ];

  it.each(ENDPOINTS)(
    '%s answers 403 MFA_REQUIRED, for a valid body and an invalid one alike',
    async (_label, call) => {
      const bob = await api.signedIn('bob@example.com');
      const before = await api.server.run((state) => structuredClone(state));

      expectError(await call(bob, { code: bobCode() }), 'MFA_REQUIRED');
      expectError(await call(bob, { code: 'nope', extra: 1 }), 'MFA_REQUIRED');

      expect(await api.server.run((state) => structuredClone(state))).toEqual(before);
      expect((await bob.get(paths.session)).body).toMatchObject({ state: 'mfa_required' });
    },
  );
});

describe('GET /api/v1/account/audit (MOCK-7)', () => {
  it("lists the account's own MFA events, newest first, without codes or secrets", async () => {
    const alice = await api.signedIn('alice@example.com');
    const { secret } = await startBinding(alice, 'alice@example.com');
    const [wrongBind = ''] = wrongCodes(secret, api.time.now, 1);
    expectError(await alice.post(paths.enrollmentConfirm, { code: wrongBind }), 'INVALID_CODE');
    api.time.advance(MINUTE_MS);
    const bindCode = totpAt(secret, api.time.now);
    expectOk(await alice.post(paths.enrollmentConfirm, { code: bindCode }));
    api.time.advance(MINUTE_MS);
    const [wrongUnbind = ''] = wrongCodes(secret, api.time.now, 1);
    expectError(await alice.post(paths.unbindMfa, { code: wrongUnbind }), 'INVALID_CODE');
    api.time.advance(MINUTE_MS);
    const unbindCode = totpAt(secret, api.time.now);
    expectOk(await alice.post(paths.unbindMfa, { code: unbindCode }));
    // Someone else's events stay theirs.
    const bob = await api.signedIn('bob@example.com');
    expectError(
      await bob.post(paths.sessionMfa, {
        code: wrongCodes(BOB_TOTP_SECRET, api.time.now, 1)[0],
      }),
      'INVALID_CODE',
    );

    const response = await alice.get(paths.accountAudit);

    expect(response.status).toBe(200);
    const { events } = auditListSchema.parse(response.body);
    const at = (minutes: number) => new Date(api.time.now - minutes * MINUTE_MS).toISOString();
    expect(events.map(({ event, at: when, detail }) => ({ event, at: when, detail }))).toEqual([
      { event: 'mfa.unbound', at: at(0), detail: { by: 'self' } },
      { event: 'mfa.code_failed', at: at(1), detail: { use: 'unbind', attempt: 1 } },
      { event: 'mfa.bound', at: at(2), detail: {} },
      { event: 'mfa.code_failed', at: at(3), detail: { use: 'bind', attempt: 1 } },
    ]);
    expect(new Set(events.map((event) => event.id)).size).toBe(4);
    for (const leaked of [secret, wrongBind, bindCode, wrongUnbind, unbindCode]) {
      expect(response.text).not.toContain(leaked);
    }
  });

  it('is empty for an account without events', async () => {
    const owner = await api.signedIn('owner@example.com');

    expect((await owner.get(paths.accountAudit)).body).toEqual({ events: [] });
  });
});

describe('POST /api/v1/account/mfa/unbind (UNBIND-1, UNBIND-2)', () => {
  it('unbinds bob with the right code and emails him; the next login asks no code', async () => {
    const bob = await activeBob();
    api.time.advance(STEP_MS);

    const response = await bob.post(paths.unbindMfa, { code: bobCode() });

    expect(response.status).toBe(200);
    expect(sessionSchema.parse(response.body)).toMatchObject({
      state: 'active',
      user: { email: 'bob@example.com', mfaBound: false },
    });
    expect(accountSchema.parse((await bob.get(paths.account)).body).mfa).toEqual({
      bound: false,
      boundAt: null,
    });
    const [email] = await mailTo('bob@example.com');
    expect(email).toMatchObject({
      subject: 'MFA was unbound from your account',
      sentAt: new Date(api.time.now).toISOString(),
    });
    expect((await api.client().logIn('bob@example.com')).body).toMatchObject({ state: 'active' });
  });

  it('refuses a wrong code with 400 INVALID_CODE and keeps the binding', async () => {
    const bob = await activeBob();
    api.time.advance(STEP_MS);
    const [wrong = ''] = wrongCodes(BOB_TOTP_SECRET, api.time.now, 1);

    expectError(await bob.post(paths.unbindMfa, { code: wrong }), 'INVALID_CODE');

    expect(accountSchema.parse((await bob.get(paths.account)).body).mfa.bound).toBe(true);
    expect(await mailTo('bob@example.com')).toEqual([]);
    expect((await bobAccount())?.codeFailures).toBe(1);
  });

  it('sends carol, whose workspace enforces MFA, straight back to the forced bind', async () => {
    const carol = await api.signedIn('carol@example.com');
    const { secret } = await bind(carol, 'carol@example.com');
    api.time.advance(STEP_MS);

    const response = await carol.post(paths.unbindMfa, { code: totpAt(secret, api.time.now) });

    expect(sessionSchema.parse(response.body)).toMatchObject({
      state: 'mfa_setup_required',
      workspace: { id: 'ws_secure', name: 'Secure Workspace' },
    });
    expectError(await carol.get(paths.workspace('ws_secure')), 'MFA_SETUP_REQUIRED');
    expect(enrollmentStatusSchema.parse((await carol.get(paths.enrollment)).body).stage).toBe(
      'identity',
    );
  });

  it('answers 409 MFA_NOT_BOUND for an account without MFA', async () => {
    const alice = await api.signedIn('alice@example.com');

    expectError(await alice.post(paths.unbindMfa, { code: '123456' }), 'MFA_NOT_BOUND');
  });
});
