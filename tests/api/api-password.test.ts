import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { auditListSchema } from '@/api/schemas/mfa';
import { DEMO_PASSWORD } from '@/backend/seed';
import { type ApiClient, expectError, expectOk, setupMockApi } from '../support/api-client';
import { STEP_MS } from '../support/mfa';
import { mfaApiSteps } from '../support/mfa-api';

const api = setupMockApi();
const { bobCode, mailTo, activeBob } = mfaApiSteps(api);

const NEW_PASSWORD = 'Observability-2027';

async function resetCode(email: string): Promise<string> {
  const [latest] = await mailTo(email);
  const code = latest?.body.match(/verification code is (\d{6})\b/)?.[1];
  if (!latest || latest.subject !== 'Your verification code for resetting your password' || !code)
    throw new Error(`no reset code in the mailbox for ${email}`);
  return code;
}

async function events(client: ApiClient) {
  return auditListSchema
    .parse((await client.get(paths.accountAudit.href)).body)
    .events.map((entry) => entry.event);
}

describe('change password (PASSWORD-1)', () => {
  it('takes the current password and a new one, ends the other sessions and emails the account', async () => {
    const alice = await api.signedIn('alice@example.com');
    const other = await api.signedIn('alice@example.com');
    const oldCookie = alice.cookie;

    const response = await alice.post(paths.accountPassword.href, {
      currentPassword: DEMO_PASSWORD,
      newPassword: NEW_PASSWORD,
    });

    expectOk(response, 204);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(alice.cookie).not.toBe(oldCookie);
    expectOk(await alice.get(paths.account.href));
    // The other session's tab is told why it was signed out.
    expect(expectError(await other.get(paths.account.href), 'SESSION_ENDED').endedBy).toBe(
      'password_changed',
    );
    expectError(await api.client().logIn('alice@example.com'), 'INVALID_CREDENTIALS');
    expectOk(await api.client().logIn('alice@example.com', NEW_PASSWORD));
    expect((await mailTo('alice@example.com'))[0]?.subject).toBe('Your password was changed');
    expect(await events(alice)).toEqual(
      expect.arrayContaining(['password.changed', 'session.ended']),
    );
  });

  it('refuses a wrong current password, and counts it like a login', async () => {
    const alice = await api.signedIn('alice@example.com');
    const attempt = () =>
      alice.post(paths.accountPassword.href, {
        currentPassword: 'not-the-password',
        newPassword: NEW_PASSWORD,
      });

    for (let tries = 1; tries < 5; tries++) expectError(await attempt(), 'INVALID_PASSWORD');
    expectError(await attempt(), 'ACCOUNT_LOCKED');
    // The lockout email's advice points to where the password is changed or reset.
    expect((await mailTo('alice@example.com'))[0]?.body).toMatch(
      /Change password, or Forgot password\? at \/password-reset\./,
    );
    expectError(await api.client().logIn('alice@example.com'), 'ACCOUNT_LOCKED');
    expectOk(await alice.get(paths.account.href));
  });

  it.each([
    ['too short', 'Short1!', 'too_short'],
    ['the email', 'alice@example.com', 'same_as_email'],
    ['a common breached password', 'Password123', 'common'],
  ])(
    'refuses a new password that is %s, changing nothing',
    async (_label, newPassword, problem) => {
      const alice = await api.signedIn('alice@example.com');

      const error = expectError(
        await alice.post(paths.accountPassword.href, {
          currentPassword: DEMO_PASSWORD,
          newPassword,
        }),
        'VALIDATION_FAILED',
      );

      expect(error.fieldErrors).toEqual({ newPassword: problem });
      expectOk(await api.client().logIn('alice@example.com'));
    },
  );

  it('refuses the current password as the new one, and only once the current one is proven', async () => {
    const alice = await api.signedIn('alice@example.com');

    const same = await alice.post(paths.accountPassword.href, {
      currentPassword: DEMO_PASSWORD,
      newPassword: DEMO_PASSWORD,
    });
    // A wrong current password must not learn whether its guess is the password.
    const guess = await alice.post(paths.accountPassword.href, {
      currentPassword: 'not-the-password',
      newPassword: DEMO_PASSWORD,
    });

    expect(expectError(same, 'VALIDATION_FAILED').fieldErrors).toEqual({
      newPassword: 'same_as_current',
    });
    expectError(guess, 'INVALID_PASSWORD');
    expectOk(await api.client().logIn('alice@example.com'));
    expect(await mailTo('alice@example.com')).toEqual([]);
  });

  it('asks for the dynamic code when MFA is bound', async () => {
    const bob = await activeBob();
    const body = { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD };

    expect(
      expectError(await bob.post(paths.accountPassword.href, body), 'VALIDATION_FAILED')
        .fieldErrors,
    ).toEqual({ code: 'required' });
    api.time.advance(STEP_MS);
    expectError(
      await bob.post(paths.accountPassword.href, { ...body, code: bobCode(5) }),
      'INVALID_CODE',
    );
    expectOk(await bob.post(paths.accountPassword.href, { ...body, code: bobCode() }), 204);

    const login = await api.client().logIn('bob@example.com', NEW_PASSWORD);
    expect(login.body).toMatchObject({ state: 'mfa_required' });
  });
});

describe('password reset (PASSWORD-2)', () => {
  it('sets a new password with the emailed code, signs nobody in and ends every session', async () => {
    const signedIn = await api.signedIn('alice@example.com');
    const visitor = api.client();

    expectOk(
      await visitor.post(paths.passwordResetEmailCode.href, { email: 'Alice@Example.com ' }),
    );
    const response = await visitor.post(paths.passwordReset.href, {
      email: 'alice@example.com',
      code: await resetCode('alice@example.com'),
      newPassword: NEW_PASSWORD,
    });

    expectOk(response, 204);
    expect(visitor.cookie).toBeNull();
    expect((await visitor.get(paths.session.href)).body).toEqual({ state: 'anonymous' });
    expect(expectError(await signedIn.get(paths.account.href), 'SESSION_ENDED').endedBy).toBe(
      'password_changed',
    );
    expectError(await api.client().logIn('alice@example.com'), 'INVALID_CREDENTIALS');
    expectOk(await api.client().logIn('alice@example.com', NEW_PASSWORD));
    expect((await mailTo('alice@example.com'))[0]?.subject).toBe('Your password was reset');
  });

  it('never skips MFA: the next login still owes the dynamic code', async () => {
    const visitor = api.client();
    await visitor.post(paths.passwordResetEmailCode.href, { email: 'bob@example.com' });
    expectOk(
      await visitor.post(paths.passwordReset.href, {
        email: 'bob@example.com',
        code: await resetCode('bob@example.com'),
        newPassword: NEW_PASSWORD,
      }),
      204,
    );

    const login = await api.client().logIn('bob@example.com', NEW_PASSWORD);

    expectOk(login);
    expect(login.body).toMatchObject({ state: 'mfa_required' });
    const bob = await api.server.run((state) =>
      state.accounts.find((account) => account.id === 'acc_bob'),
    );
    expect(bob?.mfa).not.toBeNull();
  });

  it('answers an unknown email exactly like a known one, and sends nothing', async () => {
    const known = await api.client().post(paths.passwordResetEmailCode.href, {
      email: 'alice@example.com',
    });
    const unknown = await api.client().post(paths.passwordResetEmailCode.href, {
      email: 'nobody@example.com',
    });

    expect({ status: unknown.status, body: unknown.text }).toEqual({
      status: known.status,
      body: known.text,
    });
    expect(await mailTo('nobody@example.com')).toEqual([]);
    const wrongForUnknown = await api.client().post(paths.passwordReset.href, {
      email: 'nobody@example.com',
      code: '123456',
      newPassword: NEW_PASSWORD,
    });
    const wrongForKnown = await api.client().post(paths.passwordReset.href, {
      email: 'alice@example.com',
      code: (await resetCode('alice@example.com')) === '000000' ? '111111' : '000000',
      newPassword: NEW_PASSWORD,
    });
    expect(wrongForUnknown.text).toBe(wrongForKnown.text);
    expectError(wrongForUnknown, 'INVALID_EMAIL_CODE');
  });

  it('answers the same when the quota holds, and sends no second code within a minute', async () => {
    const first = await api.client().post(paths.passwordResetEmailCode.href, {
      email: 'alice@example.com',
    });
    const second = await api.client().post(paths.passwordResetEmailCode.href, {
      email: 'alice@example.com',
    });

    expect(second.text).toBe(first.text);
    expect(await mailTo('alice@example.com')).toHaveLength(1);
  });

  it('uses a code once, and only for a reset (MOCK-5)', async () => {
    const alice = await api.signedIn('alice@example.com');
    await api.client().post(paths.passwordResetEmailCode.href, { email: 'alice@example.com' });
    const code = await resetCode('alice@example.com');
    // A reset code is not a bind code.
    expectOk(await alice.post(paths.enrollmentEmailCode.href));
    expectError(await alice.post(paths.enrollmentIdentity.href, { code }), 'INVALID_EMAIL_CODE');

    const reset = { email: 'alice@example.com', code, newPassword: NEW_PASSWORD };
    expectOk(await api.client().post(paths.passwordReset.href, reset), 204);
    expectError(
      await api.client().post(paths.passwordReset.href, { ...reset, newPassword: 'Another-2028' }),
      'INVALID_EMAIL_CODE',
    );
  });

  it('refuses a weak new password before it spends the code', async () => {
    await api.client().post(paths.passwordResetEmailCode.href, { email: 'alice@example.com' });
    const code = await resetCode('alice@example.com');
    const base = { email: 'alice@example.com', code };

    const weak = await api.client().post(paths.passwordReset.href, {
      ...base,
      newPassword: 'password',
    });

    expect(expectError(weak, 'VALIDATION_FAILED').fieldErrors).toEqual({ newPassword: 'common' });
    expectOk(
      await api.client().post(paths.passwordReset.href, { ...base, newPassword: NEW_PASSWORD }),
      204,
    );
  });

  it('refuses the current password as the new one, compared with the stored hash, without spending the code', async () => {
    await api.client().post(paths.passwordResetEmailCode.href, { email: 'alice@example.com' });
    const code = await resetCode('alice@example.com');
    const wrongCode = code === '000000' ? '111111' : '000000';
    const base = { email: 'alice@example.com', newPassword: DEMO_PASSWORD };

    // Without the code, nobody learns whether a guess is the password.
    expectError(
      await api.client().post(paths.passwordReset.href, { ...base, code: wrongCode }),
      'INVALID_EMAIL_CODE',
    );
    const same = await api.client().post(paths.passwordReset.href, { ...base, code });

    expect(expectError(same, 'VALIDATION_FAILED').fieldErrors).toEqual({
      newPassword: 'same_as_current',
    });
    expectOk(
      await api
        .client()
        .post(paths.passwordReset.href, { ...base, code, newPassword: NEW_PASSWORD }),
      204,
    );
  });

  it('hashes the new password twice for an unknown email as for a known one (GUARD-7)', async () => {
    const reset = (email: string) =>
      api
        .client()
        .post(paths.passwordReset.href, { email, code: '123456', newPassword: NEW_PASSWORD });

    const before = api.passwordHashes();
    await reset('alice@example.com');
    const known = api.passwordHashes() - before;
    await reset('nobody@example.com');

    expect(known).toBe(2);
    expect(api.passwordHashes() - before).toBe(2 * known);
  });

  it('reopens password and code entry that 100 failures in a row had blocked (GUARD-4)', async () => {
    // Reached like api-guards.test.ts does it, without 100 real attempts here.
    expectError(await api.client().logIn('bob@example.com', 'wrong'), 'INVALID_CREDENTIALS');
    await api.server.run((state) => {
      state.accounts.find((account) => account.id === 'acc_bob')!.codeFailuresInARow = 100;
      for (const entry of state.loginThrottle) entry.failuresInARow = 100;
    });
    expectError(await api.client().logIn('bob@example.com'), 'RESET_REQUIRED');

    await api.client().post(paths.passwordResetEmailCode.href, { email: 'bob@example.com' });
    expectOk(
      await api.client().post(paths.passwordReset.href, {
        email: 'bob@example.com',
        code: await resetCode('bob@example.com'),
        newPassword: NEW_PASSWORD,
      }),
      204,
    );

    const bob = api.client();
    expect((await bob.logIn('bob@example.com', NEW_PASSWORD)).body).toMatchObject({
      state: 'mfa_required',
    });
    expectOk(await bob.post(paths.sessionMfa.href, { code: bobCode() }));
  });
});
