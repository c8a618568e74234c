import { describe, expect, it } from 'vitest';
import { DomainError } from '@/backend/domain/errors';
import { CODE_MAX_FAILURES } from '@/backend/domain/limits';
import {
  confirmEnrollment,
  issueEnrollmentSecret,
  sendBindEmailCode,
  unbindWithCode,
  verifyLoginCode,
} from '@/backend/domain/mfa';
import type { SecondFactor } from '@/backend/domain/mfa-codes';
import { regenerateRecoveryCodes, startAuthenticatorChange } from '@/backend/domain/mfa-recovery';
import { recoveryCodesLeft } from '@/backend/domain/recovery-codes';
import { BOB_RECOVERY_CODES } from '@/backend/seed';
import { setupTestServer } from '../support/domain-server';
import { refusalOf, runAs, STEP_MS, totpAt, wrongCodes } from '../support/mfa';
import { mfaDomainSteps } from '../support/mfa-domain';
import { seededRandomBytes } from '../support/random';

const t = setupTestServer({ randomBytes: seededRandomBytes(1410) });
const { logInAs, accountOf, bobCode, activeBob, confirm, aliceBound } = mfaDomainSteps(t);

function logInWith(token: string, proof: SecondFactor) {
  return runAs(t.server, token, (state, ctx, session) =>
    verifyLoginCode(state, ctx, session, proof),
  );
}

async function mailTo(email: string) {
  return (await t.snapshot()).outbox.filter((message) => message.to === email);
}

async function auditOf(accountId: string) {
  return (await t.snapshot()).audit.filter((entry) => entry.accountId === accountId);
}

describe('a new binding (RECOVERY-1)', () => {
  it('returns 10 codes once and keeps only their keyed hashes on the binding', async () => {
    const { token } = await logInAs('alice@example.com');
    const { startBinding } = mfaDomainSteps(t);
    const secret = await startBinding(token, 'alice@example.com');
    const result = await confirm(token, totpAt(secret, t.time.now));

    expect(result.recoveryCodes).toHaveLength(10);
    const alice = await accountOf('acc_alice');
    expect(alice.mfa?.recoveryCodes).toHaveLength(10);
    const stored = JSON.stringify(await t.snapshot());
    for (const code of result.recoveryCodes ?? []) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace('-', ''));
    }
  });
});

describe('logging in with a recovery code (RECOVERY-2)', () => {
  it('takes each code once, in any spelling; emails and audits it with how many are left', async () => {
    const first = await logInAs('bob@example.com');
    const code = BOB_RECOVERY_CODES[0];

    const issued = await logInWith(first.token, { recoveryCode: ` ${code.toUpperCase()} ` });
    expect(issued.session.state).toBe('active');
    const bob = await accountOf('acc_bob');
    expect(recoveryCodesLeft(bob.mfa?.recoveryCodes ?? [])).toBe(9);
    const [mail] = (await mailTo('bob@example.com')).slice(-1);
    expect(mail?.subject).toBe('A recovery code was used on your account');
    expect(mail?.body).toContain('9 of your recovery codes are left');
    expect(mail?.body).not.toContain(code);
    const used = (await auditOf('acc_bob')).filter((e) => e.event === 'mfa.recovery_code_used');
    expect(used.map((entry) => entry.detail)).toEqual([{ use: 'login', left: 9 }]);

    const second = await logInAs('bob@example.com');
    const refusal = await refusalOf(logInWith(second.token, { recoveryCode: code }));
    expect(refusal.code).toBe('INVALID_CODE');
    expect((await accountOf('acc_bob')).codeFailures).toBe(1);
  });

  it("refuses another account's code", async () => {
    await aliceBound();
    const pending = await logInAs('alice@example.com');
    expect(
      (await refusalOf(logInWith(pending.token, { recoveryCode: BOB_RECOVERY_CODES[1] }))).code,
    ).toBe('INVALID_CODE');
  });

  it('counts wrong recovery codes toward the lockout of dynamic codes (MOCK-4)', async () => {
    const pending = await logInAs('bob@example.com');
    const [wrongDynamic = ''] = wrongCodes('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', t.time.now, 1);
    const outcomes: string[] = [];
    for (let attempt = 1; attempt <= CODE_MAX_FAILURES; attempt++) {
      const proof: SecondFactor =
        attempt % 2 ? { recoveryCode: `wrong-${attempt}abcd` } : { code: wrongDynamic };
      outcomes.push((await refusalOf(logInWith(pending.token, proof))).code);
    }
    expect(outcomes).toEqual([
      'INVALID_CODE',
      'INVALID_CODE',
      'INVALID_CODE',
      'INVALID_CODE',
      'CODE_LOCKED',
    ]);
    // Locked: a right recovery code is refused too, and is not used up.
    const locked = await refusalOf(
      logInWith(pending.token, { recoveryCode: BOB_RECOVERY_CODES[2] }),
    );
    expect(locked.code).toBe('CODE_LOCKED');
    const bob = await accountOf('acc_bob');
    expect(recoveryCodesLeft(bob.mfa?.recoveryCodes ?? [])).toBe(10);
    const failed = (await auditOf('acc_bob')).filter((e) => e.event === 'mfa.code_failed');
    expect(failed[0]?.detail).toEqual({ use: 'login', attempt: 1, factor: 'recovery' });
    expect(failed[1]?.detail).toEqual({ use: 'login', attempt: 2 });
  });

  it('counts toward GUARD-4 in a row across lockouts, and a right code resets the count', async () => {
    const pending = await logInAs('bob@example.com');
    await refusalOf(logInWith(pending.token, { recoveryCode: 'zzzzz-zzzzz' }));
    expect((await accountOf('acc_bob')).codeFailuresInARow).toBe(1);
    await logInWith(pending.token, { recoveryCode: BOB_RECOVERY_CODES[3] });
    const bob = await accountOf('acc_bob');
    expect([bob.codeFailures, bob.codeFailuresInARow]).toEqual([0, 0]);
  });

  it('gives exactly one success to 10 parallel uses of one code', async () => {
    const sessions = await Promise.all(
      Array.from({ length: 10 }, () => logInAs('bob@example.com')),
    );
    const outcomes = await Promise.allSettled(
      sessions.map((session) => logInWith(session.token, { recoveryCode: BOB_RECOVERY_CODES[4] })),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(DomainError);
    }
    const bob = await accountOf('acc_bob');
    expect(recoveryCodesLeft(bob.mfa?.recoveryCodes ?? [])).toBe(9);
  });

  it('stands in for the dynamic code when unbinding', async () => {
    const active = await activeBob();
    await runAs(t.server, active.token, (state, ctx, session) =>
      unbindWithCode(state, ctx, session, { recoveryCode: BOB_RECOVERY_CODES[5] }),
    );
    expect((await accountOf('acc_bob')).mfa).toBeNull();
    const used = (await auditOf('acc_bob')).filter((e) => e.event === 'mfa.recovery_code_used');
    expect(used.at(-1)?.detail).toEqual({ use: 'unbind', left: 9 });
  });
});

describe('regenerating (RECOVERY-3)', () => {
  it('asks for a dynamic code; the old set, used or not, stops working at once', async () => {
    const active = await activeBob();
    t.time.advance(STEP_MS);
    const wrongRegenerate = await refusalOf(
      runAs(t.server, active.token, (state, ctx, session) =>
        regenerateRecoveryCodes(state, ctx, session, { code: '000000' }),
      ),
    );
    expect(wrongRegenerate.code).toBe('INVALID_CODE');

    const { recoveryCodes } = await runAs(t.server, active.token, (state, ctx, session) =>
      regenerateRecoveryCodes(state, ctx, session, { code: bobCode() }),
    );
    expect(recoveryCodes).toHaveLength(10);
    expect(recoveryCodes).not.toContain(BOB_RECOVERY_CODES[0]);
    expect((await mailTo('bob@example.com')).at(-1)?.subject).toBe(
      'New recovery codes were made for your account',
    );
    expect((await auditOf('acc_bob')).at(-1)?.event).toBe('mfa.recovery_codes_generated');

    const pending = await logInAs('bob@example.com');
    const old = await refusalOf(logInWith(pending.token, { recoveryCode: BOB_RECOVERY_CODES[6] }));
    expect(old.code).toBe('INVALID_CODE');
    const issued = await logInWith(pending.token, { recoveryCode: recoveryCodes[0]! });
    expect(issued.session.state).toBe('active');
  });
});

describe('changing the authenticator (RECOVERY-4)', () => {
  it('proves the old app, keeps it working until the new secret is confirmed, then swaps at once', async () => {
    const active = await activeBob();
    t.time.advance(STEP_MS);
    await runAs(t.server, active.token, (state, ctx, session) =>
      startAuthenticatorChange(state, ctx, session, { recoveryCode: BOB_RECOVERY_CODES[7] }),
    );
    // The email steps stay closed to a bound account.
    expect(
      (
        await refusalOf(
          runAs(t.server, active.token, (state, ctx, session) =>
            sendBindEmailCode(state, ctx, session),
          ),
        )
      ).code,
    ).toBe('MFA_ALREADY_BOUND');
    const { secret } = await runAs(t.server, active.token, (state, ctx, session) =>
      issueEnrollmentSecret(state, ctx, session),
    );

    // Meanwhile the old app still logs in: the binding is untouched.
    t.time.advance(STEP_MS);
    const other = await logInAs('bob@example.com');
    await logInWith(other.token, { code: bobCode() });
    expect((await accountOf('acc_bob')).mfa?.secret).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');

    const result = await runAs(t.server, active.token, (state, ctx, session) =>
      confirmEnrollment(state, ctx, session, totpAt(secret, t.time.now)),
    );
    expect(result.recoveryCodes).toBeNull();
    const bob = await accountOf('acc_bob');
    expect(bob.mfa?.secret).toBe(secret);
    // The codes belong to the account: the one used to prove it stays used, the rest work.
    expect(recoveryCodesLeft(bob.mfa?.recoveryCodes ?? [])).toBe(9);
    expect((await mailTo('bob@example.com')).at(-1)?.subject).toBe(
      'The authenticator app of your account was changed',
    );
    // SESSION-2: the other login ends; this session goes on under a new id.
    expect((await auditOf('acc_bob')).slice(-2)).toMatchObject([
      { event: 'mfa.changed' },
      { event: 'session.ended', detail: { reason: 'authenticator_changed', count: 1 } },
    ]);
    expect(result.ended).toBe(1);
    expect((await t.snapshot()).enrollments).toEqual([]);

    t.time.advance(STEP_MS);
    const next = await logInAs('bob@example.com');
    expect((await refusalOf(logInWith(next.token, { code: bobCode() }))).code).toBe('INVALID_CODE');
    const issued = await logInWith(next.token, { code: totpAt(secret, t.time.now) });
    expect(issued.session.state).toBe('active');
  });

  it('refuses to start without a right proof, and changes nothing', async () => {
    const active = await activeBob();
    const before = await accountOf('acc_bob');
    const refusal = await refusalOf(
      runAs(t.server, active.token, (state, ctx, session) =>
        startAuthenticatorChange(state, ctx, session, { recoveryCode: 'aaaaa-aaaaa' }),
      ),
    );
    expect(refusal.code).toBe('INVALID_CODE');
    expect((await t.snapshot()).enrollments).toEqual([]);
    expect((await accountOf('acc_bob')).mfa).toEqual(before.mfa);
  });
});
