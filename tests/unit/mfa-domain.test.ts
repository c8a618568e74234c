import { beforeEach, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@/api/limits';
import {
  CODE_LOCKOUT_MS,
  CODE_MAX_FAILURES,
  ENROLLMENT_IDENTITY_TTL_MS,
  ENROLLMENT_SECRET_TTL_MS,
} from '@/mocks/domain/limits';
import {
  cancelEnrollment,
  confirmEnrollment,
  enrollmentStatus,
  issueEnrollmentSecret,
  requireEnrollmentAccess,
  sendBindEmailCode,
  unbindWithCode,
  verifyBindIdentity,
  verifyLoginCode,
} from '@/mocks/domain/mfa';
import { authenticate, logIn, type IssuedSession } from '@/mocks/domain/sessions';
import { stepAt } from '@/mocks/domain/totp';
import { BOB_TOTP_SECRET, DEMO_PASSWORD } from '@/mocks/seed';
import { createTestServer, type TestServer } from './support/domain-server';
import { latestEmailCode, refusalOf, runAs, totpAt, wrongCodes } from './support/mfa';
import { seededRandomBytes } from './support/random';

let t: TestServer;

beforeEach(() => {
  t = createTestServer({ randomBytes: seededRandomBytes(2026) });
});

const STEP_MS = 30_000;

function logInAs(email: string): Promise<IssuedSession> {
  return t.server.run((state, ctx) => logIn(state, ctx, email, DEMO_PASSWORD));
}

function verifyLogin(token: string, code: string): Promise<IssuedSession> {
  return runAs(t.server, token, (state, ctx, session) =>
    verifyLoginCode(state, ctx, session, code),
  );
}

/** The session a token names now, or the refusal to authenticate it. */
function sessionOf(token: string) {
  return t.server.run((state, ctx) => authenticate(state, ctx, token));
}

async function accountOf(id: string) {
  const account = (await t.snapshot()).accounts.find((candidate) => candidate.id === id);
  if (!account) throw new Error(`no account ${id}`);
  return account;
}

const bobCode = (stepDelta = 0) => totpAt(BOB_TOTP_SECRET, t.time.now, stepDelta);
const bobWrongCodes = (count: number) => wrongCodes(BOB_TOTP_SECRET, t.time.now, count);

/** A bob session that has typed its code and is active. */
async function activeBob(): Promise<IssuedSession> {
  const pending = await logInAs('bob@example.com');
  return verifyLogin(pending.token, bobCode());
}

/** BIND-1 and BIND-2 for the session: email code, identity, secret. Returns the secret. */
async function startBinding(token: string, email: string): Promise<string> {
  await runAs(t.server, token, (state, ctx, session) => sendBindEmailCode(state, ctx, session));
  const emailCode = latestEmailCode((await t.snapshot()).outbox, email);
  await runAs(t.server, token, (state, ctx, session) =>
    verifyBindIdentity(state, ctx, session, emailCode),
  );
  const issued = await runAs(t.server, token, (state, ctx, session) =>
    issueEnrollmentSecret(state, ctx, session),
  );
  return issued.secret;
}

function confirm(token: string, code: string) {
  return runAs(t.server, token, (state, ctx, session) =>
    confirmEnrollment(state, ctx, session, code),
  );
}

/** Alice, active, with MFA bound through the wizard; returns her token and secret. */
async function aliceBound(): Promise<{ token: string; secret: string }> {
  const { token } = await logInAs('alice@example.com');
  const secret = await startBinding(token, 'alice@example.com');
  await confirm(token, totpAt(secret, t.time.now));
  return { token, secret };
}

describe('limits (HOUSE rule 7)', () => {
  it('locks code entry after 5 wrong codes for 15 minutes; bind steps live 10 minutes', () => {
    expect(CODE_MAX_FAILURES).toBe(5);
    expect(CODE_LOCKOUT_MS).toBe(15 * 60 * 1000);
    expect(ENROLLMENT_SECRET_TTL_MS).toBe(10 * 60 * 1000);
    expect(ENROLLMENT_IDENTITY_TTL_MS).toBe(10 * 60 * 1000);
  });
});

describe('verifyLoginCode (LOGIN-3, LOGIN-6)', () => {
  it('promotes the session on the right code: a new active session, the pending token dead', async () => {
    const pending = await logInAs('bob@example.com');
    expect(pending.session.state).toBe('mfa_required');

    const issued = await verifyLogin(pending.token, bobCode());

    expect(issued.token).not.toBe(pending.token);
    expect(issued.session).toMatchObject({
      state: 'active',
      accountId: 'acc_bob',
      workspaceId: 'ws_demo',
    });
    expect(issued.session.id).not.toBe(pending.session.id);
    await expect(sessionOf(issued.token)).resolves.toMatchObject({ state: 'active' });
    expect(await refusalOf(sessionOf(pending.token))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await t.snapshot()).sessions.map((session) => session.id)).toEqual([issued.session.id]);
  });

  it('records the accepted step as used', async () => {
    const pending = await logInAs('bob@example.com');

    await verifyLogin(pending.token, bobCode(1));

    expect((await accountOf('acc_bob')).mfa?.lastUsedStep).toBe(stepAt(t.time.now) + 1);
  });

  it('refuses a wrong code with INVALID_CODE and leaves the session pending', async () => {
    const pending = await logInAs('bob@example.com');
    const [wrong = ''] = bobWrongCodes(1);

    const refusal = await refusalOf(verifyLogin(pending.token, wrong));

    expect(refusal).toMatchObject({ code: 'INVALID_CODE', retryAfterMs: null });
    await expect(sessionOf(pending.token)).resolves.toMatchObject({ state: 'mfa_required' });
    const bob = await accountOf('acc_bob');
    expect(bob.codeFailures).toBe(1);
    expect(bob.mfa?.lastUsedStep).toBe(0);
    expect((await t.snapshot()).audit).toEqual([
      expect.objectContaining({
        accountId: 'acc_bob',
        event: 'mfa.code_failed',
        at: t.time.now,
        detail: { use: 'login', attempt: 1 },
      }),
    ]);
  });

  it('refuses a session that owes nothing, and one that owes a binding, with FORBIDDEN', async () => {
    const owner = await logInAs('owner@example.com');
    const carol = await logInAs('carol@example.com');

    expect(await refusalOf(verifyLogin(owner.token, bobCode()))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await refusalOf(verifyLogin(carol.token, bobCode()))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses an active bob session typing a code again with FORBIDDEN', async () => {
    const active = await activeBob();
    t.time.advance(STEP_MS);

    expect(await refusalOf(verifyLogin(active.token, bobCode()))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('never lets an email code stand in for the TOTP code (MOCK-5)', async () => {
    const pending = await logInAs('bob@example.com');
    const aliceSession = await logInAs('alice@example.com');
    await runAs(t.server, aliceSession.token, (state, ctx, session) =>
      sendBindEmailCode(state, ctx, session),
    );
    const emailCode = latestEmailCode((await t.snapshot()).outbox, 'alice@example.com');
    expect([-1, 0, 1].map((delta) => bobCode(delta))).not.toContain(emailCode);

    expect(await refusalOf(verifyLogin(pending.token, emailCode))).toMatchObject({
      code: 'INVALID_CODE',
    });
  });
});

describe('wrong codes and lockout (MOCK-4)', () => {
  it('locks code entry on the 5th wrong code in a row, counted across sessions', async () => {
    const first = await logInAs('bob@example.com');
    const second = await logInAs('bob@example.com');
    const wrong = bobWrongCodes(5);

    const refusals = [];
    for (const [index, code] of wrong.entries()) {
      const token = index % 2 === 0 ? first.token : second.token;
      refusals.push(await refusalOf(verifyLogin(token, code)));
    }

    expect(refusals.slice(0, 4).map((refusal) => refusal.code)).toEqual(
      Array(4).fill('INVALID_CODE'),
    );
    expect(refusals[4]).toMatchObject({ code: 'CODE_LOCKED', retryAfterMs: 15 * MINUTE_MS });
    expect((await accountOf('acc_bob')).codeLockedUntil).toBe(t.time.now + 15 * MINUTE_MS);
  });

  it('refuses the right code while locked, from any session, then accepts it after 15 minutes', async () => {
    const first = await logInAs('bob@example.com');
    for (const code of bobWrongCodes(5)) await refusalOf(verifyLogin(first.token, code));

    t.time.advance(MINUTE_MS);
    expect(await refusalOf(verifyLogin(first.token, bobCode()))).toMatchObject({
      code: 'CODE_LOCKED',
      retryAfterMs: 14 * MINUTE_MS,
    });

    t.time.advance(13 * MINUTE_MS);
    const late = await logInAs('bob@example.com');
    t.time.advance(MINUTE_MS - 1);
    expect(await refusalOf(verifyLogin(late.token, bobCode()))).toMatchObject({
      code: 'CODE_LOCKED',
      retryAfterMs: 1,
    });

    t.time.advance(1);
    await expect(verifyLogin(late.token, bobCode())).resolves.toMatchObject({
      session: { state: 'active' },
    });
    expect(await accountOf('acc_bob')).toMatchObject({ codeFailures: 0, codeLockedUntil: null });
  });

  it('does not count, audit or extend anything for codes typed during the lock', async () => {
    const pending = await logInAs('bob@example.com');
    for (const code of bobWrongCodes(5)) await refusalOf(verifyLogin(pending.token, code));
    const auditBefore = (await t.snapshot()).audit.length;

    t.time.advance(5 * MINUTE_MS);
    for (const code of bobWrongCodes(3)) {
      expect(await refusalOf(verifyLogin(pending.token, code))).toMatchObject({
        code: 'CODE_LOCKED',
        retryAfterMs: 10 * MINUTE_MS,
      });
    }

    const state = await t.snapshot();
    expect(state.audit).toHaveLength(auditBefore);
    expect(state.accounts.find((account) => account.id === 'acc_bob')).toMatchObject({
      codeFailures: 0,
      codeLockedUntil: t.time.now + 10 * MINUTE_MS,
    });
  });

  it('starts a fresh count once a lock has ended', async () => {
    const pending = await logInAs('bob@example.com');
    for (const code of bobWrongCodes(5)) await refusalOf(verifyLogin(pending.token, code));
    t.time.advance(15 * MINUTE_MS);
    const again = await logInAs('bob@example.com');

    const refusals = [];
    for (const code of bobWrongCodes(4))
      refusals.push(await refusalOf(verifyLogin(again.token, code)));

    expect(refusals.map((refusal) => refusal.code)).toEqual(Array(4).fill('INVALID_CODE'));
  });

  it('resets the count on success, so only consecutive wrong codes lock', async () => {
    const pending = await logInAs('bob@example.com');
    for (const code of bobWrongCodes(4)) await refusalOf(verifyLogin(pending.token, code));
    await verifyLogin(pending.token, bobCode());

    t.time.advance(STEP_MS);
    const again = await logInAs('bob@example.com');
    const refusals = [];
    for (const code of bobWrongCodes(4))
      refusals.push(await refusalOf(verifyLogin(again.token, code)));

    expect(refusals.map((refusal) => refusal.code)).toEqual(Array(4).fill('INVALID_CODE'));
    await expect(verifyLogin(again.token, bobCode())).resolves.toMatchObject({
      session: { state: 'active' },
    });
  });

  it("resets only the succeeding account's count: another account's failures stay", async () => {
    const alice = await aliceBound();
    t.time.advance(STEP_MS);
    const alicePending = await logInAs('alice@example.com');
    const aliceWrong = wrongCodes(alice.secret, t.time.now, 5);
    for (const code of aliceWrong.slice(0, 3)) {
      await refusalOf(verifyLogin(alicePending.token, code));
    }

    const bobPending = await logInAs('bob@example.com');
    for (const code of bobWrongCodes(2)) await refusalOf(verifyLogin(bobPending.token, code));
    await verifyLogin(bobPending.token, bobCode());

    expect((await accountOf('acc_alice')).codeFailures).toBe(3);
    expect((await accountOf('acc_bob')).codeFailures).toBe(0);
    expect(await refusalOf(verifyLogin(alicePending.token, aliceWrong[3] ?? ''))).toMatchObject({
      code: 'INVALID_CODE',
    });
    expect(await refusalOf(verifyLogin(alicePending.token, aliceWrong[4] ?? ''))).toMatchObject({
      code: 'CODE_LOCKED',
    });
  });

  it("locks only that account: bob's lock leaves alice's code entry open", async () => {
    const alice = await aliceBound();
    t.time.advance(STEP_MS);
    const bobPending = await logInAs('bob@example.com');
    for (const code of bobWrongCodes(5)) await refusalOf(verifyLogin(bobPending.token, code));

    const alicePending = await logInAs('alice@example.com');

    await expect(
      verifyLogin(alicePending.token, totpAt(alice.secret, t.time.now)),
    ).resolves.toMatchObject({ session: { state: 'active' } });
  });

  it('audits each wrong code and the lock, and emails the account holder', async () => {
    const pending = await logInAs('bob@example.com');
    for (const code of bobWrongCodes(5)) await refusalOf(verifyLogin(pending.token, code));

    const state = await t.snapshot();
    expect(
      state.audit.map(({ accountId, event, detail }) => ({ accountId, event, detail })),
    ).toEqual([
      ...[1, 2, 3, 4, 5].map((attempt) => ({
        accountId: 'acc_bob',
        event: 'mfa.code_failed',
        detail: { use: 'login', attempt },
      })),
      {
        accountId: 'acc_bob',
        event: 'mfa.locked',
        detail: { until: t.time.now + 15 * MINUTE_MS },
      },
    ]);
    expect(state.outbox).toEqual([
      expect.objectContaining({
        to: 'bob@example.com',
        subject: 'MFA code entry locked after wrong codes',
        sentAt: t.time.now,
      }),
    ]);
    expect(state.outbox[0]?.body).toContain('2026-01-01 00:15 UTC');
  });

  it('keeps every secret and every typed code out of the audit log, the outbox and the refusals (MOCK-6)', async () => {
    const typed: string[] = [];
    const refusals = [];

    // Alice binds, with a wrong email code and a wrong TOTP code on the way.
    const { token } = await logInAs('alice@example.com');
    await runAs(t.server, token, (state, ctx, session) => sendBindEmailCode(state, ctx, session));
    const emailCode = latestEmailCode((await t.snapshot()).outbox, 'alice@example.com');
    const wrongEmailCode = emailCode === '135790' ? '246801' : '135790';
    typed.push(wrongEmailCode);
    refusals.push(
      await refusalOf(
        runAs(t.server, token, (state, ctx, session) =>
          verifyBindIdentity(state, ctx, session, wrongEmailCode),
        ),
      ),
    );
    await runAs(t.server, token, (state, ctx, session) =>
      verifyBindIdentity(state, ctx, session, emailCode),
    );
    const { secret: aliceSecret } = await runAs(t.server, token, (state, ctx, session) =>
      issueEnrollmentSecret(state, ctx, session),
    );
    const [wrongBindCode = ''] = wrongCodes(aliceSecret, t.time.now, 1);
    typed.push(wrongBindCode);
    refusals.push(await refusalOf(confirm(token, wrongBindCode)));
    const bindCode = totpAt(aliceSecret, t.time.now);
    typed.push(bindCode);
    await confirm(token, bindCode);

    // Bob locks himself out, then logs in with the right code after the lock.
    const pending = await logInAs('bob@example.com');
    for (const code of bobWrongCodes(5)) {
      typed.push(code);
      refusals.push(await refusalOf(verifyLogin(pending.token, code)));
    }
    typed.push(bobCode());
    refusals.push(await refusalOf(verifyLogin(pending.token, bobCode())));
    t.time.advance(15 * MINUTE_MS);
    const late = await logInAs('bob@example.com');
    typed.push(bobCode());
    const active = await verifyLogin(late.token, bobCode());

    // Bob unbinds with a wrong code, then the right one.
    t.time.advance(STEP_MS);
    const [wrongUnbind = ''] = bobWrongCodes(1);
    typed.push(wrongUnbind, bobCode());
    refusals.push(
      await refusalOf(
        runAs(t.server, active.token, (state, ctx, session) =>
          unbindWithCode(state, ctx, session, wrongUnbind),
        ),
      ),
    );
    await runAs(t.server, active.token, (state, ctx, session) =>
      unbindWithCode(state, ctx, session, bobCode()),
    );

    const state = await t.snapshot();
    expect(state.audit.map((entry) => entry.event)).toEqual(
      expect.arrayContaining(['mfa.code_failed', 'mfa.locked', 'mfa.bound', 'mfa.unbound']),
    );
    const audit = JSON.stringify(state.audit);
    const emailsWithoutTheCode = JSON.stringify(
      state.outbox.filter((message) => !message.body.includes(`code is ${emailCode}`)),
    );
    const refused = JSON.stringify(refusals.map((refusal) => [refusal.message, refusal]));
    for (const written of [audit, emailsWithoutTheCode, refused]) {
      for (const secret of [BOB_TOTP_SECRET, aliceSecret]) expect(written).not.toContain(secret);
      for (const code of [...typed, emailCode]) expect(written).not.toContain(code);
    }
    // The email code is where it belongs: in its own email, once.
    expect(state.outbox.filter((message) => message.body.includes(emailCode))).toHaveLength(1);
  });

  it('accepts exactly one of 20 parallel verifications of one right code (MOCK-3)', async () => {
    const pendings: IssuedSession[] = [];
    for (let i = 0; i < 20; i++) pendings.push(await logInAs('bob@example.com'));
    const code = bobCode();

    const outcomes = await Promise.allSettled(
      pendings.map((pending) => verifyLogin(pending.token, code)),
    );

    const fulfilled = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    expect(fulfilled).toHaveLength(1);
    const codes = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [(outcome.reason as { code: string }).code] : [],
    );
    expect(codes).toHaveLength(19);
    expect(new Set(codes)).toEqual(new Set(['INVALID_CODE', 'CODE_LOCKED']));
    const state = await t.snapshot();
    expect(state.sessions.filter((session) => session.state === 'active')).toHaveLength(1);
    expect(state.accounts.find((account) => account.id === 'acc_bob')?.mfa?.lastUsedStep).toBe(
      stepAt(t.time.now),
    );
  });
});

describe('replay (MOCK-3)', () => {
  it('does not let a second login use the step the first one used', async () => {
    const first = await logInAs('bob@example.com');
    const second = await logInAs('bob@example.com');
    await verifyLogin(first.token, bobCode());

    expect(await refusalOf(verifyLogin(second.token, bobCode()))).toMatchObject({
      code: 'INVALID_CODE',
    });

    t.time.advance(STEP_MS);
    await expect(verifyLogin(second.token, bobCode())).resolves.toMatchObject({
      session: { state: 'active' },
    });
  });

  it('does not let the step that confirmed the binding log in afterwards', async () => {
    const { secret } = await aliceBound();
    const bindStep = stepAt(t.time.now);
    expect((await accountOf('acc_alice')).mfa?.lastUsedStep).toBe(bindStep);

    t.time.advance(STEP_MS - 1);
    const pending = await logInAs('alice@example.com');
    expect(pending.session.state).toBe('mfa_required');
    expect(await refusalOf(verifyLogin(pending.token, totpAt(secret, t.time.now)))).toMatchObject({
      code: 'INVALID_CODE',
    });

    t.time.advance(1);
    await expect(verifyLogin(pending.token, totpAt(secret, t.time.now))).resolves.toMatchObject({
      session: { state: 'active' },
    });
  });
});

describe('enrollment (BIND-1 to BIND-5)', () => {
  it('issues no secret before the email identity step: ENROLLMENT_REQUIRED', async () => {
    const { token } = await logInAs('alice@example.com');
    const issue = () =>
      runAs(t.server, token, (state, ctx, session) => issueEnrollmentSecret(state, ctx, session));

    expect(await refusalOf(issue())).toMatchObject({ code: 'ENROLLMENT_REQUIRED' });

    await runAs(t.server, token, (state, ctx, session) => sendBindEmailCode(state, ctx, session));
    expect(await refusalOf(issue())).toMatchObject({ code: 'ENROLLMENT_REQUIRED' });

    const emailCode = latestEmailCode((await t.snapshot()).outbox, 'alice@example.com');
    const wrong = emailCode === '000000' ? '000001' : '000000';
    expect(
      await refusalOf(
        runAs(t.server, token, (state, ctx, session) =>
          verifyBindIdentity(state, ctx, session, wrong),
        ),
      ),
    ).toMatchObject({ code: 'INVALID_EMAIL_CODE' });
    expect(await refusalOf(issue())).toMatchObject({ code: 'ENROLLMENT_REQUIRED' });
    expect((await t.snapshot()).enrollments).toEqual([]);
  });

  it('refuses to confirm before a secret was issued: ENROLLMENT_REQUIRED', async () => {
    const { token } = await logInAs('alice@example.com');
    await runAs(t.server, token, (state, ctx, session) => sendBindEmailCode(state, ctx, session));
    const emailCode = latestEmailCode((await t.snapshot()).outbox, 'alice@example.com');
    await runAs(t.server, token, (state, ctx, session) =>
      verifyBindIdentity(state, ctx, session, emailCode),
    );

    expect(await refusalOf(confirm(token, '123456'))).toMatchObject({
      code: 'ENROLLMENT_REQUIRED',
    });
    expect((await accountOf('acc_alice')).codeFailures).toBe(0);
  });

  it('tells where the wizard stands, so a reload resumes it', async () => {
    const { token } = await logInAs('alice@example.com');
    const status = () =>
      runAs(t.server, token, (state, ctx, session) => enrollmentStatus(state, ctx, session));

    expect(await status()).toEqual({
      stage: 'identity',
      maskedEmail: 'a***e@example.com',
      resendAvailableAt: null,
    });

    await runAs(t.server, token, (state, ctx, session) => sendBindEmailCode(state, ctx, session));
    const sentAt = t.time.now;
    expect(await status()).toMatchObject({
      stage: 'identity',
      resendAvailableAt: sentAt + MINUTE_MS,
    });

    const emailCode = latestEmailCode((await t.snapshot()).outbox, 'alice@example.com');
    await runAs(t.server, token, (state, ctx, session) =>
      verifyBindIdentity(state, ctx, session, emailCode),
    );
    expect(await status()).toMatchObject({ stage: 'app' });

    t.time.advance(10 * MINUTE_MS);
    expect(await status()).toEqual({
      stage: 'identity',
      maskedEmail: 'a***e@example.com',
      resendAvailableAt: null,
    });
  });

  it('keeps the verified identity for 10 minutes, then asks for it again', async () => {
    const { token } = await logInAs('alice@example.com');
    await runAs(t.server, token, (state, ctx, session) => sendBindEmailCode(state, ctx, session));
    const emailCode = latestEmailCode((await t.snapshot()).outbox, 'alice@example.com');
    await runAs(t.server, token, (state, ctx, session) =>
      verifyBindIdentity(state, ctx, session, emailCode),
    );
    const issue = () =>
      runAs(t.server, token, (state, ctx, session) => issueEnrollmentSecret(state, ctx, session));

    t.time.advance(10 * MINUTE_MS - 1);
    await expect(issue()).resolves.toMatchObject({ secret: expect.any(String) });

    t.time.advance(1);
    expect(await refusalOf(issue())).toMatchObject({ code: 'ENROLLMENT_REQUIRED' });
  });

  it('belongs to the session that proved the identity, not to the account', async () => {
    const first = await logInAs('alice@example.com');
    const second = await logInAs('alice@example.com');
    await startBinding(first.token, 'alice@example.com');

    expect(
      await refusalOf(
        runAs(t.server, second.token, (state, ctx, session) =>
          issueEnrollmentSecret(state, ctx, session),
        ),
      ),
    ).toMatchObject({ code: 'ENROLLMENT_REQUIRED' });
  });

  it('rotates the secret on each call; only the latest one confirms', async () => {
    const { token } = await logInAs('alice@example.com');
    const first = await startBinding(token, 'alice@example.com');
    const second = (
      await runAs(t.server, token, (state, ctx, session) =>
        issueEnrollmentSecret(state, ctx, session),
      )
    ).secret;

    expect(second).toMatch(/^[A-Z2-7]{32}$/);
    expect(second).not.toBe(first);
    const staleCode = totpAt(first, t.time.now);
    expect([-1, 0, 1].map((delta) => totpAt(second, t.time.now, delta))).not.toContain(staleCode);

    expect(await refusalOf(confirm(token, staleCode))).toMatchObject({ code: 'INVALID_CODE' });
    await confirm(token, totpAt(second, t.time.now));
    expect((await accountOf('acc_alice')).mfa?.secret).toBe(second);
  });

  it('gives an otpauth URI for the account and the secret', async () => {
    const { token } = await logInAs('alice@example.com');
    await startBinding(token, 'alice@example.com');

    const issued = await runAs(t.server, token, (state, ctx, session) =>
      issueEnrollmentSecret(state, ctx, session),
    );

    expect(issued.expiresAt).toBe(t.time.now + 10 * MINUTE_MS);
    const uri = new URL(issued.otpauthUri);
    expect(uri.pathname).toBe('/Guance:alice%40example.com');
    expect(uri.searchParams.get('secret')).toBe(issued.secret);
  });

  it('lets the secret be confirmed until its 10 minutes are up', async () => {
    const { token } = await logInAs('alice@example.com');
    const secret = await startBinding(token, 'alice@example.com');

    t.time.advance(10 * MINUTE_MS - 1);
    await confirm(token, totpAt(secret, t.time.now));

    expect((await accountOf('acc_alice')).mfa?.secret).toBe(secret);
  });

  it('expires the secret after 10 minutes: confirming answers ENROLLMENT_REQUIRED', async () => {
    const { token } = await logInAs('alice@example.com');
    const secret = await startBinding(token, 'alice@example.com');

    t.time.advance(10 * MINUTE_MS);

    expect(await refusalOf(confirm(token, totpAt(secret, t.time.now)))).toMatchObject({
      code: 'ENROLLMENT_REQUIRED',
    });
    expect(await accountOf('acc_alice')).toMatchObject({ mfa: null, codeFailures: 0 });
  });

  it('discards the pending secret on cancel (BIND-4)', async () => {
    const { token } = await logInAs('alice@example.com');
    const secret = await startBinding(token, 'alice@example.com');

    await runAs(t.server, token, (state, _ctx, session) => cancelEnrollment(state, session));

    const state = await t.snapshot();
    expect(state.enrollments).toEqual([]);
    expect(JSON.stringify(state)).not.toContain(secret);
    expect(await refusalOf(confirm(token, totpAt(secret, t.time.now)))).toMatchObject({
      code: 'ENROLLMENT_REQUIRED',
    });
    expect(
      await refusalOf(
        runAs(t.server, token, (s, ctx, session) => issueEnrollmentSecret(s, ctx, session)),
      ),
    ).toMatchObject({ code: 'ENROLLMENT_REQUIRED' });
  });

  it('binds on the right code: the secret, the time, the step used; emails and audits it', async () => {
    const { token } = await logInAs('alice@example.com');
    const secret = await startBinding(token, 'alice@example.com');
    t.time.advance(7_000);

    const result = await confirm(token, totpAt(secret, t.time.now, 1));

    expect(result).toEqual({ issued: null });
    const state = await t.snapshot();
    expect(state.accounts.find((account) => account.id === 'acc_alice')).toMatchObject({
      mfa: { secret, boundAt: t.time.now, lastUsedStep: stepAt(t.time.now) + 1 },
      codeFailures: 0,
    });
    expect(state.enrollments).toEqual([]);
    expect(state.outbox.at(-1)).toMatchObject({
      to: 'alice@example.com',
      subject: 'MFA was bound to your account',
      sentAt: t.time.now,
    });
    expect(state.outbox.at(-1)?.body).not.toContain(secret);
    expect(state.audit.at(-1)).toMatchObject({
      accountId: 'acc_alice',
      event: 'mfa.bound',
      at: t.time.now,
      detail: {},
    });
    await expect(sessionOf(token)).resolves.toMatchObject({ state: 'active' });
  });

  it('refuses a wrong code at confirm, and counts it towards the lockout', async () => {
    const { token } = await logInAs('alice@example.com');
    const secret = await startBinding(token, 'alice@example.com');
    const wrong = wrongCodes(secret, t.time.now, 5);

    const refusals = [];
    for (const code of wrong) refusals.push(await refusalOf(confirm(token, code)));

    expect(refusals.map((refusal) => refusal.code)).toEqual([
      ...Array(4).fill('INVALID_CODE'),
      'CODE_LOCKED',
    ]);
    expect((await t.snapshot()).audit[0]).toMatchObject({
      event: 'mfa.code_failed',
      detail: { use: 'bind', attempt: 1 },
    });
    expect(await refusalOf(confirm(token, totpAt(secret, t.time.now)))).toMatchObject({
      code: 'CODE_LOCKED',
    });
    expect((await accountOf('acc_alice')).mfa).toBeNull();
  });

  it('turns a forced bind into an active session for carol (LOGIN-4, LOGIN-6)', async () => {
    const pending = await logInAs('carol@example.com');
    expect(pending.session.state).toBe('mfa_setup_required');
    const secret = await startBinding(pending.token, 'carol@example.com');

    const { issued } = await confirm(pending.token, totpAt(secret, t.time.now));

    expect(issued).not.toBeNull();
    expect(issued?.session).toMatchObject({
      state: 'active',
      accountId: 'acc_carol',
      workspaceId: 'ws_secure',
    });
    expect(issued?.token).not.toBe(pending.token);
    await expect(sessionOf(issued?.token ?? '')).resolves.toMatchObject({ state: 'active' });
    expect(await refusalOf(sessionOf(pending.token))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await accountOf('acc_carol')).mfa?.secret).toBe(secret);
  });

  it('shuts an mfa_required session (bob) out of every bind step: MFA_REQUIRED', async () => {
    const { token } = await logInAs('bob@example.com');

    const attempts = [
      runAs(t.server, token, (state, _ctx, session) => requireEnrollmentAccess(state, session)),
      runAs(t.server, token, (state, ctx, session) => enrollmentStatus(state, ctx, session)),
      runAs(t.server, token, (state, ctx, session) => sendBindEmailCode(state, ctx, session)),
      runAs(t.server, token, (state, ctx, session) =>
        verifyBindIdentity(state, ctx, session, '123456'),
      ),
      runAs(t.server, token, (state, ctx, session) => issueEnrollmentSecret(state, ctx, session)),
      confirm(token, bobCode()),
    ];

    for (const attempt of attempts) {
      expect(await refusalOf(attempt)).toMatchObject({ code: 'MFA_REQUIRED' });
    }
    const state = await t.snapshot();
    expect(state.outbox).toEqual([]);
    expect(state.emailCodes).toEqual([]);
    expect(state.enrollments).toEqual([]);
    expect(state.accounts.find((account) => account.id === 'acc_bob')?.mfa?.secret).toBe(
      BOB_TOTP_SECRET,
    );
  });

  it('refuses to start a second binding for an account that has one: MFA_ALREADY_BOUND', async () => {
    const active = await activeBob();

    expect(
      await refusalOf(
        runAs(t.server, active.token, (state, ctx, session) =>
          sendBindEmailCode(state, ctx, session),
        ),
      ),
    ).toMatchObject({ code: 'MFA_ALREADY_BOUND' });
    expect((await t.snapshot()).outbox).toEqual([]);
  });
});

describe('unbind (UNBIND-1, UNBIND-2)', () => {
  function unbind(token: string, code: string) {
    return runAs(t.server, token, (state, ctx, session) =>
      unbindWithCode(state, ctx, session, code),
    );
  }

  it('removes the binding on the right code, emails and audits it', async () => {
    const active = await activeBob();
    t.time.advance(STEP_MS);

    await unbind(active.token, bobCode());

    const state = await t.snapshot();
    expect(state.accounts.find((account) => account.id === 'acc_bob')?.mfa).toBeNull();
    expect(state.outbox.at(-1)).toMatchObject({
      to: 'bob@example.com',
      subject: 'MFA was unbound from your account',
      sentAt: t.time.now,
    });
    expect(state.audit.at(-1)).toMatchObject({
      accountId: 'acc_bob',
      event: 'mfa.unbound',
      at: t.time.now,
      detail: { by: 'self' },
    });
    expect(JSON.stringify(state)).not.toContain(BOB_TOTP_SECRET);
    await expect(sessionOf(active.token)).resolves.toMatchObject({ state: 'active' });
    expect((await logInAs('bob@example.com')).session.state).toBe('active');
  });

  it('refuses the code that logged in, in the same step (replay)', async () => {
    const active = await activeBob();

    expect(await refusalOf(unbind(active.token, bobCode()))).toMatchObject({
      code: 'INVALID_CODE',
    });
    expect((await accountOf('acc_bob')).mfa?.secret).toBe(BOB_TOTP_SECRET);
  });

  it('refuses a wrong code, keeps the binding, and counts it towards the lockout', async () => {
    const active = await activeBob();
    t.time.advance(STEP_MS);

    const refusals = [];
    for (const code of bobWrongCodes(5)) refusals.push(await refusalOf(unbind(active.token, code)));

    expect(refusals.map((refusal) => refusal.code)).toEqual([
      ...Array(4).fill('INVALID_CODE'),
      'CODE_LOCKED',
    ]);
    expect(await refusalOf(unbind(active.token, bobCode()))).toMatchObject({
      code: 'CODE_LOCKED',
    });
    const state = await t.snapshot();
    expect(state.accounts.find((account) => account.id === 'acc_bob')?.mfa?.secret).toBe(
      BOB_TOTP_SECRET,
    );
    expect(state.audit.filter((entry) => entry.event === 'mfa.code_failed')[0]?.detail).toEqual({
      use: 'unbind',
      attempt: 1,
    });
  });

  it('counts wrong unbind codes and wrong login codes together', async () => {
    const active = await activeBob();
    t.time.advance(STEP_MS);
    const [first = '', second = '', ...rest] = bobWrongCodes(5);
    await refusalOf(unbind(active.token, first));
    await refusalOf(unbind(active.token, second));

    const pending = await logInAs('bob@example.com');
    const refusals = [];
    for (const code of rest) refusals.push(await refusalOf(verifyLogin(pending.token, code)));

    expect(refusals.map((refusal) => refusal.code)).toEqual([
      'INVALID_CODE',
      'INVALID_CODE',
      'CODE_LOCKED',
    ]);
  });

  it('sends a member of a workspace with mandatory MFA straight back to the forced bind', async () => {
    const pending = await logInAs('carol@example.com');
    const secret = await startBinding(pending.token, 'carol@example.com');
    const { issued } = await confirm(pending.token, totpAt(secret, t.time.now));
    const token = issued?.token ?? '';
    t.time.advance(STEP_MS);

    await unbind(token, totpAt(secret, t.time.now));

    const session = await sessionOf(token);
    expect(session.state).toBe('mfa_setup_required');
    expect(session.expiresAt).toBeLessThanOrEqual(t.time.now + 10 * MINUTE_MS);
  });

  it('refuses a session that still owes the code (MFA_REQUIRED) and an account without MFA', async () => {
    const pending = await logInAs('bob@example.com');
    const alice = await logInAs('alice@example.com');

    expect(await refusalOf(unbind(pending.token, bobCode()))).toMatchObject({
      code: 'MFA_REQUIRED',
    });
    expect(await refusalOf(unbind(alice.token, '123456'))).toMatchObject({
      code: 'MFA_NOT_BOUND',
    });
    expect((await accountOf('acc_bob')).mfa?.secret).toBe(BOB_TOTP_SECRET);
  });
});
