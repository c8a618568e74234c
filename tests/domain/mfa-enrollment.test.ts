import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@/api/limits';
import {
  cancelEnrollment,
  enrollmentStatus,
  issueEnrollmentSecret,
  requireEnrollmentAccess,
  sendBindEmailCode,
  verifyBindIdentity,
} from '@/backend/domain/mfa';
import { stepAt } from '@/backend/domain/totp';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import { setupTestServer } from '../support/domain-server';
import { latestEmailCode, refusalOf, runAs, totpAt, wrongCodes } from '../support/mfa';
import { mfaDomainSteps } from '../support/mfa-domain';
import { seededRandomBytes } from '../support/random';

const t = setupTestServer({ randomBytes: seededRandomBytes(2026) });
const { logInAs, sessionOf, accountOf, bobCode, activeBob, startBinding, confirm } =
  mfaDomainSteps(t);

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
    const verified = async () => {
      const { token } = await logInAs('alice@example.com');
      await runAs(t.server, token, (state, ctx, session) => sendBindEmailCode(state, ctx, session));
      const emailCode = latestEmailCode((await t.snapshot()).outbox, 'alice@example.com');
      await runAs(t.server, token, (state, ctx, session) =>
        verifyBindIdentity(state, ctx, session, emailCode),
      );
      return () =>
        runAs(t.server, token, (state, ctx, session) => issueEnrollmentSecret(state, ctx, session));
    };

    const inTime = await verified();
    t.time.advance(10 * MINUTE_MS - 1);
    await expect(inTime()).resolves.toMatchObject({ secret: expect.any(String) });

    t.time.advance(2 * MINUTE_MS);
    const late = await verified();
    t.time.advance(10 * MINUTE_MS);
    expect(await refusalOf(late())).toMatchObject({ code: 'ENROLLMENT_REQUIRED' });
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

    // SESSION-2: the session goes on under a new id; there was no other to end.
    expect(result).toMatchObject({
      ended: 0,
      issued: { session: { state: 'active', accountId: 'acc_alice' } },
    });
    expect(result.recoveryCodes).toHaveLength(10);
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
    if (!('issued' in result)) throw result;
    await expect(sessionOf(result.issued.token)).resolves.toMatchObject({ state: 'active' });
    await expect(sessionOf(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
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
    expect(
      (await t.snapshot()).audit.find((entry) => entry.event !== 'signin.password'),
    ).toMatchObject({
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
