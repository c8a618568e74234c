import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@/api/limits';
import {
  issueEnrollmentSecret,
  sendBindEmailCode,
  unbindWithCode,
  verifyBindIdentity,
} from '@/backend/domain/mfa';
import type { IssuedSession } from '@/backend/domain/sessions';
import { stepAt } from '@/backend/domain/totp';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import { setupTestServer } from '../support/domain-server';
import { latestEmailCode, refusalOf, runAs, STEP_MS, totpAt, wrongCodes } from '../support/mfa';
import { mfaDomainSteps } from '../support/mfa-domain';
import { seededRandomBytes } from '../support/random';

const t = setupTestServer({ randomBytes: seededRandomBytes(2026) });
const { logInAs, verifyLogin, accountOf, bobCode, bobWrongCodes, confirm, aliceBound } =
  mfaDomainSteps(t);

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
          unbindWithCode(state, ctx, session, { code: wrongUnbind }),
        ),
      ),
    );
    await runAs(t.server, active.token, (state, ctx, session) =>
      unbindWithCode(state, ctx, session, { code: bobCode() }),
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
