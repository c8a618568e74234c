import {
  confirmEnrollment,
  issueEnrollmentSecret,
  sendBindEmailCode,
  verifyBindIdentity,
  verifyLoginCode,
} from '@/backend/domain/mfa';
import { authenticate, type IssuedSession } from '@/backend/domain/sessions';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import { passwordLogIn, type TestServer } from './domain-server';
import { latestEmailCode, runAs, totpAt, wrongCodes } from './mfa';

/** The MFA steps of the domain core, as the tests of logins, lockouts, binds and unbinds take them. */
export function mfaDomainSteps(t: TestServer) {
  function logInAs(email: string): Promise<IssuedSession> {
    return passwordLogIn(t.server, email);
  }

  function verifyLogin(token: string, code: string): Promise<IssuedSession> {
    return runAs(t.server, token, (state, ctx, session) =>
      verifyLoginCode(state, ctx, session, { code }),
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

  return {
    logInAs,
    verifyLogin,
    sessionOf,
    accountOf,
    bobCode,
    bobWrongCodes,
    activeBob,
    startBinding,
    confirm,
    aliceBound,
  };
}
