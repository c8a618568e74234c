import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { enrollmentSecretSchema } from '@/api/schemas/mfa';
import { activeAgent, unbindAsAgent } from '../support/agent-api';
import { type ApiClient, expectOk, setupMockApi } from '../support/api-client';
import { keysApiSteps } from '../support/keys-api';
import { totpAt } from '../support/mfa';
import { mfaApiSteps } from '../support/mfa-api';
import { rememberApiSteps } from '../support/remember-api';
import { created, ticketApiSteps, unbindRequest } from '../support/ticket-api';

const api = setupMockApi();
const { mailboxCode } = mfaApiSteps(api);
const { ticketCode } = ticketApiSteps(api);
const { addKey, bobWithKey, listKeys } = keysApiSteps(api);
const { freshCode, logIn, rememberedLogIn, rememberedBrowser, eventsOf, storedFor } =
  rememberApiSteps(api);

const NEW_PASSWORD = 'a-new-long-passphrase-2026';

/** Bob remembered on one browser, and active on another where he makes a change. */
async function rememberedAndActiveBob(): Promise<{ remembered: ApiClient; active: ApiClient }> {
  const remembered = await rememberedBrowser('bob@example.com');
  const active = api.client();
  await rememberedLogIn(active, 'bob@example.com');
  return { remembered, active };
}

/** Asserts the remembered browser owes the code again, and the log says why. */
async function expectForgotten(remembered: ApiClient, reason: string, password?: string) {
  expect(await storedFor('acc_bob')).toEqual([]);
  const login = await remembered.logIn('bob@example.com', password);
  expectOk(login);
  expect(login.body).toMatchObject({ state: 'mfa_required' });
  expect(await api.server.run((state) => state.audit.map((entry) => entry.detail))).toContainEqual(
    expect.objectContaining({ reason, count: 2 }),
  );
}

describe('what forgets every remembered browser of the account (REMEMBER-1)', () => {
  it('a password change', async () => {
    const { remembered, active } = await rememberedAndActiveBob();
    expectOk(
      await active.post(paths.accountPassword.href, {
        currentPassword: 'Guance@2026',
        newPassword: NEW_PASSWORD,
        code: await freshCode('bob@example.com'),
      }),
      204,
    );
    await expectForgotten(remembered, 'password_changed', NEW_PASSWORD);
  });

  it('a password reset', async () => {
    const { remembered } = await rememberedAndActiveBob();
    const visitor = api.client();
    expectOk(await visitor.post(paths.passwordResetEmailCode.href, { email: 'bob@example.com' }));
    expectOk(
      await visitor.post(paths.passwordReset.href, {
        email: 'bob@example.com',
        code: await mailboxCode('bob@example.com'),
        newPassword: NEW_PASSWORD,
      }),
      204,
    );
    await expectForgotten(remembered, 'password_reset', NEW_PASSWORD);
  });

  it('Sign out all other sessions', async () => {
    const { remembered, active } = await rememberedAndActiveBob();
    expectOk(await active.delete(paths.accountSessions.href));
    await expectForgotten(remembered, 'signed_out_others');
  });

  it('changing the authenticator', async () => {
    const { remembered, active } = await rememberedAndActiveBob();
    expectOk(
      await active.post(paths.changeAuthenticator.href, {
        code: await freshCode('bob@example.com'),
      }),
      204,
    );
    const { secret } = enrollmentSecretSchema.parse(
      (await active.post(paths.enrollmentSecret.href)).body,
    );
    expectOk(
      await active.post(paths.enrollmentConfirm.href, { code: totpAt(secret, api.time.now) }),
    );
    await expectForgotten(remembered, 'authenticator_changed');
  });

  it('unbinding MFA: the account then owes no code at all, and no browser stays remembered', async () => {
    const { active } = await rememberedAndActiveBob();
    expectOk(await active.post(paths.unbindMfa.href, { code: await freshCode('bob@example.com') }));
    expect(await storedFor('acc_bob')).toEqual([]);
    expect((await eventsOf(active)).map((entry) => entry.detail)).toContainEqual(
      expect.objectContaining({ reason: 'mfa_unbound', count: 2 }),
    );
  });

  it('customer service unbinding through an Unbind MFA ticket', async () => {
    const { active: bob } = await rememberedAndActiveBob();
    const ticket = await created(
      await bob.post(paths.tickets.href, unbindRequest(await ticketCode(bob))),
    );
    const support = await activeAgent(api);
    expectOk(await support.post(paths.supportTicketAccept.href(ticket.id)));

    expectOk(await unbindAsAgent(api, support, ticket.id));

    expect(await storedFor('acc_bob')).toEqual([]);
  });

  it('adding a security key', async () => {
    const { remembered, active } = await rememberedAndActiveBob();
    const { response } = await addKey(active);
    expect(response.status, response.text).toBe(201);
    await expectForgotten(remembered, 'security_key_changed');
  });

  it('removing a security key', async () => {
    const { bob } = await bobWithKey();
    const [key] = await listKeys(bob);
    const { remembered, active } = await rememberedAndActiveBob();
    expectOk(
      await active.post(paths.securityKeyRemove.href(key?.id ?? ''), {
        code: await freshCode('bob@example.com'),
      }),
      204,
    );
    await expectForgotten(remembered, 'security_key_changed');
  });

  it('but not new recovery codes: the factor that proved the browser is the same', async () => {
    const { remembered, active } = await rememberedAndActiveBob();
    expectOk(
      await active.post(paths.recoveryCodes.href, { code: await freshCode('bob@example.com') }),
    );
    expect(await storedFor('acc_bob')).toHaveLength(2);
    expect((await logIn(remembered, 'bob@example.com')).state).toBe('active');
  });
});
