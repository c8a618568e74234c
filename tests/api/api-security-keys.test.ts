import { describe, expect, it } from 'vitest';
import { SECURITY_KEYS_MAX } from '@/api/limits';
import { paths } from '@/api/paths';
import { auditListSchema } from '@/api/schemas/mfa';
import { securityKeySchema } from '@/api/schemas/security-keys';
import { sessionSchema } from '@/api/schemas/session';
import { expectError, expectOk, ORIGIN, setupMockApi } from '../support/api-client';
import { keysApiSteps } from '../support/keys-api';
import { SoftAuthenticator } from '../support/soft-authenticator';

const api = setupMockApi();
const steps = keysApiSteps(api);
const { activeBob, addKey, bobWithKey, listKeys, mailTo, loginChallenge, stepUpProof } = steps;

const storedKeys = () => api.server.run((state) => structuredClone(state.securityKeys));

describe('adding security keys over HTTP (KEY-1, KEY-3)', () => {
  it.each([
    ['ES256', 'none'],
    ['ES256', 'packed'],
    ['RS256', 'none'],
    ['RS256', 'packed'],
  ] as const)(
    'adds a %s key with a %s attestation, lists it, emails and logs it',
    async (algorithm, format) => {
      const bob = await activeBob();
      const authenticator = await SoftAuthenticator.create(algorithm);
      const { response } = await addKey(bob, { authenticator, format, name: '  Desk key  ' });
      expectOk(response, 201);
      expect(response.headers.get('Cache-Control')).toBe('no-store');
      const key = securityKeySchema.parse(response.body);
      expect(key).toMatchObject({ name: 'Desk key', lastUsedAt: null });

      expect(await listKeys(bob)).toEqual([key]);
      expect((await mailTo('bob@example.com'))[0]?.subject).toBe(
        'A security key was added to your account',
      );
      const log = auditListSchema.parse((await bob.get(paths.accountAudit.href)).body);
      expect(log.events[0]).toMatchObject({
        event: 'mfa.key_added',
        detail: { name: 'Desk key' },
      });
    },
  );

  it('adds a second key with the first instead of a code, and never a recovery code', async () => {
    const { bob, authenticator } = await bobWithKey();
    const second = await addKey(bob, { proof: await stepUpProof(bob, authenticator) });
    expectOk(second.response, 201);
    expect(await listKeys(bob)).toHaveLength(2);

    const byRecoveryCode = await bob.post(paths.securityKeyRegistrationOptions.href, {
      recoveryCode: 'bob2b-demo2',
    });
    expect(expectError(byRecoveryCode, 'VALIDATION_FAILED').fieldErrors).toHaveProperty(
      'recoveryCode',
      'unrecognized_key',
    );
  });

  it('refuses a wrong code, and an account without MFA bound', async () => {
    const bob = await activeBob();
    expectError(
      await bob.post(paths.securityKeyRegistrationOptions.href, { code: '000000' }),
      'INVALID_CODE',
    );
    const alice = await api.signedIn('alice@example.com');
    expectError(
      await alice.post(paths.securityKeyRegistrationOptions.href, { code: '123456' }),
      'MFA_NOT_BOUND',
    );
  });

  it(`holds at most ${SECURITY_KEYS_MAX} keys`, async () => {
    const { bob, authenticator } = await bobWithKey();
    for (let added = 1; added < SECURITY_KEYS_MAX; added += 1) {
      expectOk((await addKey(bob, { proof: await stepUpProof(bob, authenticator) })).response, 201);
    }
    expectError(
      await bob.post(
        paths.securityKeyRegistrationOptions.href,
        await stepUpProof(bob, authenticator),
      ),
      'SECURITY_KEY_LIMIT',
    );
    expect(await storedKeys()).toHaveLength(SECURITY_KEYS_MAX);
  });

  it('refuses a credential ID another account holds (KEY-3)', async () => {
    const { authenticator } = await bobWithKey();
    const alice = await steps.boundAlice();
    const { response } = await addKey(alice.client, {
      authenticator,
      proof: { code: alice.freshCode() },
    });
    expectError(response, 'SECURITY_KEY_EXISTS');
    expect((await storedKeys()).map((key) => key.accountId)).toEqual(['acc_bob']);
  });

  it('refuses an attestation for another origin, RP ID or challenge, storing nothing', async () => {
    const bob = await activeBob();
    const authenticator = await SoftAuthenticator.create();
    for (const ceremony of [
      { origin: 'https://evil.example' },
      { origin: ORIGIN, rpId: 'evil.example' },
      { origin: ORIGIN, challenge: 'bm90LWlzc3VlZC1ieS11cw' },
    ]) {
      const challenge = await steps.registrationChallenge(bob, { code: steps.freshBobCode() });
      const credential = await authenticator.register({ challenge, ...ceremony });
      expectError(
        await bob.post(paths.securityKeys.href, { name: 'Key', credential }),
        'SECURITY_KEY_REFUSED',
      );
    }
    expect(await storedKeys()).toEqual([]);
  });
});

describe('logging in with a security key (KEY-2, KEY-3)', () => {
  it('passes the code step with a key; the key shows when it was last used', async () => {
    const { authenticator } = await bobWithKey();
    const login = await api.signedIn('bob@example.com');
    expect(sessionSchema.parse((await login.get(paths.session.href)).body)).toMatchObject({
      state: 'mfa_required',
      hasSecurityKey: true,
    });
    const challenge = await loginChallenge(login);
    const assertion = await authenticator.assert({ challenge, origin: ORIGIN });
    const response = await login.post(paths.sessionMfa.href, { securityKey: assertion });
    expectOk(response);
    expect(sessionSchema.parse(response.body).state).toBe('active');
    const [key] = await listKeys(login);
    expect(key?.lastUsedAt).toBe(new Date(api.time.now).toISOString());
    const log = auditListSchema.parse((await login.get(paths.accountAudit.href)).body);
    expect(log.events[0]).toMatchObject({
      event: 'signin.mfa',
      detail: { factor: 'security_key' },
    });
  });

  it('offers no key challenge to an account without keys', async () => {
    const login = api.client();
    expect(sessionSchema.parse((await login.logIn('bob@example.com')).body)).toMatchObject({
      state: 'mfa_required',
      hasSecurityKey: false,
    });
    expectError(await login.post(paths.sessionMfaKeyOptions.href), 'NOT_FOUND');
  });
});
