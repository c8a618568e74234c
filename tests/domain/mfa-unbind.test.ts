import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@/api/limits';
import { unbindWithCode } from '@/backend/domain/mfa';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import { setupTestServer } from '../support/domain-server';
import { refusalOf, runAs, STEP_MS, totpAt } from '../support/mfa';
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
  startBinding,
  confirm,
} = mfaDomainSteps(t);

describe('unbind (UNBIND-1, UNBIND-2)', () => {
  function unbind(token: string, code: string) {
    return runAs(t.server, token, (state, ctx, session) =>
      unbindWithCode(state, ctx, session, { code }),
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
