import { HttpHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { accountSchema } from '@/api/schemas/account';
import {
  emailCodeSentSchema,
  enrollmentConfirmedSchema,
  enrollmentSecretSchema,
  enrollmentStatusSchema,
} from '@/api/schemas/mfa';
import { sessionSchema } from '@/api/schemas/session';
import { allHandlers } from '@/backend/handlers/all-handlers';
import { memoryJar } from '@/backend/handlers/session-jar';
import { BOB_TOTP_SECRET, SUPPORT_TOTP_SECRET } from '@/backend/seed';
import { activeAgent } from '../support/agent-api';
import {
  type ApiClient,
  type ApiResponse,
  expectError,
  expectOk,
  setupMockApi,
} from '../support/api-client';
import { STEP_MS, totpAt, wrongCodes } from '../support/mfa';
import { mfaApiSteps } from '../support/mfa-api';
import { BUG_REPORT, uploadFile } from '../support/tickets';

const api = setupMockApi();
const { bobCode, mailboxCode, mailTo, startBinding, bind, activeBob } = mfaApiSteps(api);

describe('the bind wizard over HTTP (BIND-1 to BIND-3)', () => {
  it('binds alice: email code, identity, secret, confirm; the account then reads bound', async () => {
    const alice = await api.signedIn('alice@example.com');

    const before = await alice.get(paths.enrollment.href);
    expect(enrollmentStatusSchema.parse(before.body)).toEqual({
      stage: 'identity',
      maskedEmail: 'a***e@example.com',
      resendInSeconds: null,
    });

    const sent = await alice.post(paths.enrollmentEmailCode.href);
    expect(emailCodeSentSchema.parse(sent.body)).toEqual({ resendInSeconds: 60 });
    const [codeEmail] = await mailTo('alice@example.com');
    expect(codeEmail?.subject).toBe('Your verification code for binding MFA');

    api.time.advance(20_000);
    expect(enrollmentStatusSchema.parse((await alice.get(paths.enrollment.href)).body)).toEqual({
      stage: 'identity',
      maskedEmail: 'a***e@example.com',
      resendInSeconds: 40,
    });

    const identity = await alice.post(paths.enrollmentIdentity.href, {
      code: await mailboxCode('alice@example.com'),
    });
    expect(identity.status).toBe(204);
    expect(identity.text).toBe('');
    expect(enrollmentStatusSchema.parse((await alice.get(paths.enrollment.href)).body).stage).toBe(
      'app',
    );

    const secretResponse = await alice.post(paths.enrollmentSecret.href);
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
    const confirmed = await alice.post(paths.enrollmentConfirm.href, {
      code: totpAt(issued.secret, api.time.now),
    });

    expect(confirmed.status).toBe(200);
    const { session, recoveryCodes } = enrollmentConfirmedSchema.parse(confirmed.body);
    expect(session).toMatchObject({
      state: 'active',
      user: { email: 'alice@example.com', mfaBound: true, recoveryCodesLeft: 10 },
    });
    // RECOVERY-1: the new binding's codes, this once.
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes ?? []) expect(code).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
    // SESSION-2: the session that bound goes on under a new id.
    expect(confirmed.headers.get('Set-Cookie')).toMatch(/^__Host-gsid=[^;]+;/);
    const account = accountSchema.parse((await alice.get(paths.account.href)).body);
    expect(account.mfa).toEqual({
      bound: true,
      boundAt: new Date(api.time.now).toISOString(),
      recoveryCodesLeft: 10,
    });
    const [boundEmail] = await mailTo('alice@example.com');
    expect(boundEmail?.subject).toBe('MFA was bound to your account');
    expect(boundEmail?.body).not.toContain(issued.secret);
  });

  it('then asks alice for the code at login, and refuses the step that confirmed the binding', async () => {
    const alice = await api.signedIn('alice@example.com');
    const { secret } = await bind(alice, 'alice@example.com');

    const again = await api.signedIn('alice@example.com');
    expect(sessionSchema.parse((await again.get(paths.session.href)).body).state).toBe(
      'mfa_required',
    );

    expectError(
      await again.post(paths.sessionMfa.href, { code: totpAt(secret, api.time.now) }),
      'INVALID_CODE',
    );
    api.time.advance(STEP_MS);
    expectOk(await again.post(paths.sessionMfa.href, { code: totpAt(secret, api.time.now) }));
  });

  it('lets carol through the forced bind into her workspace, with a new session cookie (LOGIN-4)', async () => {
    const carol = await api.signedIn('carol@example.com');
    const pendingCookie = carol.cookie;
    expectError(await carol.get(paths.workspace.href('ws_secure')), 'MFA_SETUP_REQUIRED');
    const { secret } = await startBinding(carol, 'carol@example.com');

    const confirmed = await carol.post(paths.enrollmentConfirm.href, {
      code: totpAt(secret, api.time.now),
    });

    expect(enrollmentConfirmedSchema.parse(confirmed.body).session).toMatchObject({
      state: 'active',
      currentWorkspaceId: 'ws_secure',
      user: { email: 'carol@example.com', mfaBound: true },
    });
    expect(confirmed.headers.get('Set-Cookie')).toMatch(/^__Host-gsid=[^;]+;.*Secure.*HttpOnly/);
    expect(carol.cookie).not.toBe(pendingCookie);
    expectOk(await carol.get(paths.workspace.href('ws_secure')));

    const stale = api.client();
    stale.cookie = pendingCookie;
    expect((await stale.get(paths.session.href)).body).toEqual({ state: 'anonymous' });
  });

  it('refuses a wrong email code at the identity step, and issues no secret', async () => {
    const alice = await api.signedIn('alice@example.com');
    await alice.post(paths.enrollmentEmailCode.href);
    const code = await mailboxCode('alice@example.com');
    const wrong = code === '000000' ? '000001' : '000000';

    expectError(
      await alice.post(paths.enrollmentIdentity.href, { code: wrong }),
      'INVALID_EMAIL_CODE',
    );
    expectError(await alice.post(paths.enrollmentSecret.href), 'ENROLLMENT_REQUIRED');
  });

  it('limits email codes to one a minute, with Retry-After', async () => {
    const alice = await api.signedIn('alice@example.com');
    await alice.post(paths.enrollmentEmailCode.href);
    api.time.advance(25_000);

    const refused = await alice.post(paths.enrollmentEmailCode.href);

    expect(expectError(refused, 'RATE_LIMITED').retryAfter).toBe(35);
    expect(refused.headers.get('Retry-After')).toBe('35');
    expect(await mailTo('alice@example.com')).toHaveLength(1);
  });

  it('discards the pending secret on DELETE (BIND-4)', async () => {
    const alice = await api.signedIn('alice@example.com');
    const { secret } = await startBinding(alice, 'alice@example.com');

    const cancelled = await alice.delete(paths.enrollment.href);

    expect(cancelled.status).toBe(204);
    expectError(
      await alice.post(paths.enrollmentConfirm.href, { code: totpAt(secret, api.time.now) }),
      'ENROLLMENT_REQUIRED',
    );
    expect(enrollmentStatusSchema.parse((await alice.get(paths.enrollment.href)).body).stage).toBe(
      'identity',
    );
    expect(await api.server.run((state) => state.enrollments)).toEqual([]);
  });

  it('marks every setup response, success or refusal, Cache-Control: no-store (MOCK-6)', async () => {
    const alice = await api.signedIn('alice@example.com');
    const responses: Array<[string, ApiResponse]> = [
      ['GET enrollment', await alice.get(paths.enrollment.href)],
      ['POST secret before identity', await alice.post(paths.enrollmentSecret.href)],
    ];
    const { responses: wizard, secret } = await startBinding(alice, 'alice@example.com');
    const [wrong = ''] = wrongCodes(secret, api.time.now, 1);
    responses.push(
      ['POST email-code', wizard[0] as ApiResponse],
      ['POST identity', wizard[1] as ApiResponse],
      ['POST secret', wizard[2] as ApiResponse],
      // The code was used, so nothing makes the next one wait (only the hourly cap).
      ['POST email-code once used', await alice.post(paths.enrollmentEmailCode.href)],
      ['POST confirm, bad body', await alice.post(paths.enrollmentConfirm.href, { code: 'x' })],
      ['POST confirm, wrong code', await alice.post(paths.enrollmentConfirm.href, { code: wrong })],
      [
        'POST confirm',
        await alice.post(paths.enrollmentConfirm.href, { code: totpAt(secret, api.time.now) }),
      ],
    );
    api.time.advance(STEP_MS);
    responses.push(
      [
        'POST unbind',
        await alice.post(paths.unbindMfa.href, { code: totpAt(secret, api.time.now) }),
      ],
      ['POST unbind, not bound', await alice.post(paths.unbindMfa.href, { code: '123456' })],
      ['DELETE enrollment', await alice.delete(paths.enrollment.href)],
    );

    expect(responses.map(([label, response]) => `${label}: ${response.status}`)).toEqual([
      'GET enrollment: 200',
      'POST secret before identity: 409',
      'POST email-code: 200',
      'POST identity: 204',
      'POST secret: 200',
      'POST email-code once used: 200',
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
    ['/api/v1/session', paths.session.href],
    ['/api/v1/account', paths.account.href],
    ['/api/v1/account/audit', paths.accountAudit.href],
    ['/api/v1/mfa/enrollment', paths.enrollment.href],
    ['/api/v1/workspaces/:workspaceId', paths.workspace.href('ws_demo')],
    ['/api/v1/workspaces/:workspaceId/members', paths.workspaceMembers.href('ws_demo')],
    ['/api/v1/workspaces/:workspaceId/mfa-posture', paths.workspaceMfaPosture.href('ws_demo')],
    ['/api/v1/workspaces/:workspaceId/security', paths.workspaceSecurity.href('ws_demo')],
    ['/api/v1/workspaces/:workspaceId/tickets', paths.workspaceTickets.href('ws_demo')],
    [
      '/api/v1/workspaces/:workspaceId/tickets/export',
      paths.workspaceTicketsExport.href('ws_demo'),
    ],
    ['/api/v1/account/sessions', paths.accountSessions.href],
    ['/api/v1/account/remembered-browsers', paths.rememberedBrowsers.href],
    ['/api/v1/account/security-keys', paths.securityKeys.href],
    ['/api/v1/tickets', paths.tickets.href],
    ['/api/v1/tickets/export', paths.ticketsExport.href],
    ['/api/v1/tickets/email-code', paths.ticketEmailCode.href],
    ['/api/v1/tickets/:ticketId', paths.ticket.href(TICKET_ID)],
    ['/api/v1/tickets/attachments/:attachmentId', paths.ticketAttachment.href(ATTACHMENT_ID)],
    ['/api/v1/support/tickets', paths.supportTickets.href],
    ['/api/v1/support/tickets/:ticketId', paths.supportTicket.href(TICKET_ID)],
    ['/api/dev/mailbox', paths.devMailbox.href],
    ['/api/dev/authenticator', paths.devAuthenticator.href],
    ['/api/dev/status', paths.devStatus.href],
  ];

  it('checks every GET route the mock server has', () => {
    const routes = allHandlers({ server: api.server, jar: memoryJar(), origin: 'http://localhost' })
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
    const ticket = await alice.post(paths.tickets.href, {
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
      ['support', await activeAgent(api)],
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
      ['POST secret after bind', await alice.post(paths.enrollmentSecret.href)],
      ['POST rotate after bind', await alice.post(paths.enrollmentSecretRotate.href)],
      ['POST email-code after bind', await alice.post(paths.enrollmentEmailCode.href)],
      [
        'POST confirm after bind',
        await alice.post(paths.enrollmentConfirm.href, { code: '123456' }),
      ],
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

  it('shows bob and the agent as bound on the dev authenticator with their codes, never a secret', async () => {
    const response = await api.client().get(paths.devAuthenticator.href);

    expect(response.text).not.toContain(BOB_TOTP_SECRET);
    expect(response.text).not.toContain(SUPPORT_TOTP_SECRET);
    expect(response.body).toMatchObject({
      accounts: [
        { email: 'bob@example.com', code: bobCode(), nextCode: bobCode(1) },
        {
          email: 'support@example.com',
          code: totpAt(SUPPORT_TOTP_SECRET, api.time.now),
          nextCode: totpAt(SUPPORT_TOTP_SECRET, api.time.now, 1),
        },
      ],
    });
  });
});
