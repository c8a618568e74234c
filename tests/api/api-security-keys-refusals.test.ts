import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { auditListSchema } from '@/api/schemas/mfa';
import { sessionSchema } from '@/api/schemas/session';
import { type ApiClient, expectError, expectOk, ORIGIN, setupMockApi } from '../support/api-client';
import { keysApiSteps } from '../support/keys-api';

const api = setupMockApi();
const steps = keysApiSteps(api);
const { addKey, bobWithKey, loginChallenge, stepUpChallenge, mailTo } = steps;

/** FIVE_MINUTES_MS written out here, not taken from the code under test. */
const FIVE_MINUTES_MS = 5 * 60 * 1000;

async function stillOwesCode(client: ApiClient) {
  const session = sessionSchema.parse((await client.get(paths.session.href)).body);
  expect(session.state).toBe('mfa_required');
}

describe('security-key assertions the server refuses (KEY-3)', () => {
  it('refuses an assertion for another RP ID, and one from another origin', async () => {
    const { authenticator } = await bobWithKey();
    const login = await api.signedIn('bob@example.com');
    for (const ceremony of [
      { origin: ORIGIN, rpId: 'evil.example' },
      { origin: 'https://evil.example' },
    ]) {
      const challenge = await loginChallenge(login);
      const securityKey = await authenticator.assert({ challenge, ...ceremony });
      expectError(await login.post(paths.sessionMfa.href, { securityKey }), 'SECURITY_KEY_REFUSED');
    }
    await stillOwesCode(login);
  });

  it('refuses a replayed challenge: an assertion answers once', async () => {
    const { authenticator } = await bobWithKey();
    const first = await api.signedIn('bob@example.com');
    const challenge = await loginChallenge(first);
    const securityKey = await authenticator.assert({ challenge, origin: ORIGIN });
    expectOk(await first.post(paths.sessionMfa.href, { securityKey }));

    const second = await api.signedIn('bob@example.com');
    await loginChallenge(second);
    expectError(await second.post(paths.sessionMfa.href, { securityKey }), 'SECURITY_KEY_REFUSED');
    // The same challenge signed again, with a higher count, is no better.
    const resigned = await authenticator.assert({ challenge, origin: ORIGIN });
    expectError(
      await second.post(paths.sessionMfa.href, { securityKey: resigned }),
      'SECURITY_KEY_REFUSED',
    );
    await stillOwesCode(second);
  });

  it('refuses a challenge past its 5 minutes, and takes one just before', async () => {
    const { authenticator } = await bobWithKey();
    const login = await api.signedIn('bob@example.com');
    const late = await authenticator.assert({
      challenge: await loginChallenge(login),
      origin: ORIGIN,
    });
    api.time.advance(FIVE_MINUTES_MS);
    expectError(
      await login.post(paths.sessionMfa.href, { securityKey: late }),
      'SECURITY_KEY_REFUSED',
    );

    const timely = await authenticator.assert({
      challenge: await loginChallenge(login),
      origin: ORIGIN,
    });
    api.time.advance(FIVE_MINUTES_MS - 1);
    expectOk(await login.post(paths.sessionMfa.href, { securityKey: timely }));
  });

  it("refuses a key of another account, even on that account's own challenge", async () => {
    const bobs = await bobWithKey();
    const alice = await steps.boundAlice();
    expectOk((await addKey(alice.client, { proof: { code: alice.freshCode() } })).response, 201);

    const login = await api.signedIn('alice@example.com');
    const challenge = await loginChallenge(login);
    const securityKey = await bobs.authenticator.assert({ challenge, origin: ORIGIN });
    expectError(await login.post(paths.sessionMfa.href, { securityKey }), 'SECURITY_KEY_REFUSED');
    await stillOwesCode(login);
  });

  it('refuses a counter that goes backwards, and writes the log and an email', async () => {
    const { authenticator } = await bobWithKey();
    const first = await api.signedIn('bob@example.com');
    const ahead = await authenticator.assert(
      { challenge: await loginChallenge(first), origin: ORIGIN },
      { counter: 5 },
    );
    expectOk(await first.post(paths.sessionMfa.href, { securityKey: ahead }));

    const clone = await api.signedIn('bob@example.com');
    const behind = await authenticator.assert(
      { challenge: await loginChallenge(clone), origin: ORIGIN },
      { counter: 3 },
    );
    expectError(
      await clone.post(paths.sessionMfa.href, { securityKey: behind }),
      'SECURITY_KEY_REFUSED',
    );
    await stillOwesCode(clone);
    const log = auditListSchema.parse((await first.get(paths.accountAudit.href)).body);
    expect(log.events[0]).toMatchObject({
      event: 'mfa.key_counter_rejected',
      detail: { name: 'YubiKey' },
    });
    expect((await mailTo('bob@example.com'))[0]?.subject).toBe(
      'A security key was refused: it may have been copied',
    );
  });

  it('refuses a challenge of another purpose or another session', async () => {
    const { bob, authenticator } = await bobWithKey();
    // A register challenge of this very session does not answer a step-up.
    const register = await steps.registrationChallenge(bob, { code: steps.freshBobCode() });
    const forRegister = await authenticator.assert({ challenge: register, origin: ORIGIN });
    expectError(
      await bob.post(paths.unbindMfa.href, { securityKey: forRegister }),
      'SECURITY_KEY_REFUSED',
    );
    // Bob's step-up challenge does not answer the login of another session.
    const stepUp = await stepUpChallenge(bob);
    const login = await api.signedIn('bob@example.com');
    await loginChallenge(login);
    const forStepUp = await authenticator.assert({ challenge: stepUp, origin: ORIGIN });
    expectError(
      await login.post(paths.sessionMfa.href, { securityKey: forStepUp }),
      'SECURITY_KEY_REFUSED',
    );
    // Nor a login challenge a step-up of the session it was not issued to.
    const forLogin = await authenticator.assert({
      challenge: await loginChallenge(login),
      origin: ORIGIN,
    });
    expectError(
      await bob.post(paths.unbindMfa.href, { securityKey: forLogin }),
      'SECURITY_KEY_REFUSED',
    );
    expect((await steps.listKeys(bob)).length).toBe(1);
  });
});
