import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import { accountSchema } from '@/api/schemas/account';
import { auditListSchema, enrollmentStatusSchema } from '@/api/schemas/mfa';
import { sessionSchema } from '@/api/schemas/session';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import { expectError, expectOk, setupMockApi } from '../support/api-client';
import { STEP_MS, totpAt, wrongCodes } from '../support/mfa';
import { mfaApiSteps } from '../support/mfa-api';

const api = setupMockApi();
const { bobCode, mailTo, startBinding, bind, activeBob, bobAccount } = mfaApiSteps(api);

describe('GET /api/v1/account/audit (MOCK-7)', () => {
  it("lists the account's own MFA events, newest first, without codes or secrets", async () => {
    const alice = await api.signedIn('alice@example.com');
    const { secret } = await startBinding(alice, 'alice@example.com');
    const [wrongBind = ''] = wrongCodes(secret, api.time.now, 1);
    expectError(
      await alice.post(paths.enrollmentConfirm.href, { code: wrongBind }),
      'INVALID_CODE',
    );
    api.time.advance(MINUTE_MS);
    const bindCode = totpAt(secret, api.time.now);
    expectOk(await alice.post(paths.enrollmentConfirm.href, { code: bindCode }));
    api.time.advance(MINUTE_MS);
    const [wrongUnbind = ''] = wrongCodes(secret, api.time.now, 1);
    expectError(await alice.post(paths.unbindMfa.href, { code: wrongUnbind }), 'INVALID_CODE');
    api.time.advance(MINUTE_MS);
    const unbindCode = totpAt(secret, api.time.now);
    expectOk(await alice.post(paths.unbindMfa.href, { code: unbindCode }));
    // Someone else's events stay theirs.
    const bob = await api.signedIn('bob@example.com');
    expectError(
      await bob.post(paths.sessionMfa.href, {
        code: wrongCodes(BOB_TOTP_SECRET, api.time.now, 1)[0],
      }),
      'INVALID_CODE',
    );

    const response = await alice.get(paths.accountAudit.href);

    expect(response.status).toBe(200);
    const { events } = auditListSchema.parse(response.body);
    const at = (minutes: number) => new Date(api.time.now - minutes * MINUTE_MS).toISOString();
    expect(events.map(({ event, at: when, detail }) => ({ event, at: when, detail }))).toEqual([
      { event: 'mfa.unbound', at: at(0), detail: { by: 'self' } },
      { event: 'mfa.code_failed', at: at(1), detail: { use: 'unbind', attempt: 1 } },
      { event: 'mfa.bound', at: at(2), detail: {} },
      { event: 'mfa.code_failed', at: at(3), detail: { use: 'bind', attempt: 1 } },
      { event: 'signin.password', at: at(3), detail: {} },
    ]);
    expect(new Set(events.map((event) => event.id)).size).toBe(5);
    for (const leaked of [secret, wrongBind, bindCode, wrongUnbind, unbindCode]) {
      expect(response.text).not.toContain(leaked);
    }
  });

  it('holds only the sign-in for an account that has done nothing else (LOG-1)', async () => {
    const owner = await api.signedIn('owner@example.com');

    expect((await owner.get(paths.accountAudit.href)).body).toMatchObject({
      events: [{ event: 'signin.password', kind: 'sign_in', detail: {} }],
      total: 1,
      page: 1,
      pageSize: 20,
    });
  });
});

describe('POST /api/v1/account/mfa/unbind (UNBIND-1, UNBIND-2)', () => {
  it('unbinds bob with the right code and emails him; the next login asks no code', async () => {
    const bob = await activeBob();
    api.time.advance(STEP_MS);

    const response = await bob.post(paths.unbindMfa.href, { code: bobCode() });

    expect(response.status).toBe(200);
    expect(sessionSchema.parse(response.body)).toMatchObject({
      state: 'active',
      user: { email: 'bob@example.com', mfaBound: false },
    });
    expect(accountSchema.parse((await bob.get(paths.account.href)).body).mfa).toEqual({
      bound: false,
      boundAt: null,
      recoveryCodesLeft: null,
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

    expectError(await bob.post(paths.unbindMfa.href, { code: wrong }), 'INVALID_CODE');

    expect(accountSchema.parse((await bob.get(paths.account.href)).body).mfa.bound).toBe(true);
    expect(await mailTo('bob@example.com')).toEqual([]);
    expect((await bobAccount())?.codeFailures).toBe(1);
  });

  it('sends carol, whose workspace enforces MFA, straight back to the forced bind', async () => {
    const carol = await api.signedIn('carol@example.com');
    const { secret } = await bind(carol, 'carol@example.com');
    api.time.advance(STEP_MS);

    const response = await carol.post(paths.unbindMfa.href, { code: totpAt(secret, api.time.now) });

    expect(sessionSchema.parse(response.body)).toMatchObject({
      state: 'mfa_setup_required',
      workspace: { id: 'ws_secure', name: 'Secure Workspace' },
    });
    expectError(await carol.get(paths.workspace.href('ws_secure')), 'MFA_SETUP_REQUIRED');
    expect(enrollmentStatusSchema.parse((await carol.get(paths.enrollment.href)).body).stage).toBe(
      'identity',
    );
  });

  it('answers 409 MFA_NOT_BOUND for an account without MFA', async () => {
    const alice = await api.signedIn('alice@example.com');

    expectError(await alice.post(paths.unbindMfa.href, { code: '123456' }), 'MFA_NOT_BOUND');
  });
});
