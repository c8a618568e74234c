import { describe, expect, it } from 'vitest';
import { sendBindEmailCode } from '@/backend/domain/mfa';
import { stepAt } from '@/backend/domain/totp';
import { setupTestServer } from '../support/domain-server';
import { latestEmailCode, refusalOf, runAs, STEP_MS, totpAt } from '../support/mfa';
import { mfaDomainSteps } from '../support/mfa-domain';
import { seededRandomBytes } from '../support/random';

const t = setupTestServer({ randomBytes: seededRandomBytes(2026) });
const {
  logInAs,
  verifyLogin,
  sessionOf,
  accountOf,
  bobCode,
  bobWrongCodes,
  activeBob,
  aliceBound,
} = mfaDomainSteps(t);

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
