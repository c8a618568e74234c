import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { auditListSchema, recoveryCodesSchema } from '@/api/schemas/mfa';
import { securityKeySchema } from '@/api/schemas/security-keys';
import { DEMO_PASSWORD } from '@/backend/seed';
import { activeAgent, agentCode, unbindAsAgent } from '../support/agent-api';
import { expectError, expectOk, ORIGIN, setupMockApi } from '../support/api-client';
import { keysApiSteps } from '../support/keys-api';
import { SoftAuthenticator } from '../support/soft-authenticator';
import { created, ticketApiSteps, unbindRequest } from '../support/ticket-api';

const api = setupMockApi();
const steps = keysApiSteps(api);
const { bobWithKey, listKeys, mailTo, stepUpProof, loginChallenge } = steps;
const tickets = ticketApiSteps(api);

const storedKeys = () => api.server.run((state) => structuredClone(state.securityKeys));

describe('renaming and removing security keys (KEY-1)', () => {
  it('renames a key, its name cleaned like any name', async () => {
    const { bob } = await bobWithKey();
    const [key] = await listKeys(bob);
    const renamed = await bob.put(paths.securityKey.href(key?.id ?? ''), {
      name: ' Travel\u200b key ',
    });
    expectOk(renamed);
    expect(securityKeySchema.parse(renamed.body).name).toBe('Travel key');
    expectError(
      await bob.put(paths.securityKey.href(key?.id ?? ''), { name: ' ' }),
      'VALIDATION_FAILED',
    );
  });

  it.each([
    ['a dynamic code', () => ({ code: steps.freshBobCode() })],
    ['a recovery code', () => ({ recoveryCode: 'bob2a-demo1' })],
  ])('removes a key with %s, emailing and logging it', async (_label, proof) => {
    const { bob } = await bobWithKey();
    const [key] = await listKeys(bob);
    const path = paths.securityKeyRemove.href(key?.id ?? '');
    expectError(await bob.post(path, {}), 'VALIDATION_FAILED');
    expectOk(await bob.post(path, proof()), 204);
    expect(await listKeys(bob)).toEqual([]);
    expect((await mailTo('bob@example.com'))[0]?.subject).toBe(
      'A security key was removed from your account',
    );
    const log = auditListSchema.parse((await bob.get(paths.accountAudit.href)).body);
    expect(log.events.map((event) => event.event)).toContain('mfa.key_removed');
  });

  it('removes a key with the key itself', async () => {
    const { bob, authenticator } = await bobWithKey();
    const [key] = await listKeys(bob);
    const path = paths.securityKeyRemove.href(key?.id ?? '');
    expectOk(await bob.post(path, await stepUpProof(bob, authenticator)), 204);
    expect(await storedKeys()).toEqual([]);
  });

  it("does not find another account's key", async () => {
    await bobWithKey();
    const [bobsKey] = await storedKeys();
    const alice = await steps.boundAlice();
    const path = paths.securityKeyRemove.href(bobsKey?.id ?? '');
    expectError(await alice.client.post(path, { code: alice.freshCode() }), 'NOT_FOUND');
    expectError(
      await alice.client.put(paths.securityKey.href(bobsKey?.id ?? ''), { name: 'Mine' }),
      'NOT_FOUND',
    );
    expect(await storedKeys()).toHaveLength(1);
  });
});

describe('step-ups answered by a key (KEY-2)', () => {
  it('regenerates the recovery codes, and starts a change of authenticator', async () => {
    const { bob, authenticator } = await bobWithKey();
    const regenerated = await bob.post(
      paths.recoveryCodes.href,
      await stepUpProof(bob, authenticator),
    );
    expectOk(regenerated);
    expect(recoveryCodesSchema.parse(regenerated.body).recoveryCodes).toHaveLength(10);
    expectError(
      await bob.post(paths.recoveryCodes.href, { recoveryCode: 'bob2a-demo1' }),
      'VALIDATION_FAILED',
    );
    expectOk(
      await bob.post(paths.changeAuthenticator.href, await stepUpProof(bob, authenticator)),
      204,
    );
  });
});

describe("the password change and the agent's unbind take a key too (KEY-2)", () => {
  it('changes the password with a key instead of the dynamic code', async () => {
    const { bob, authenticator } = await bobWithKey();
    const change = { currentPassword: DEMO_PASSWORD, newPassword: 'a-brand-new-passphrase-24' };
    const both = { ...change, code: '123456', ...(await stepUpProof(bob, authenticator)) };
    expectError(await bob.post(paths.accountPassword.href, both), 'VALIDATION_FAILED');
    const proof = await stepUpProof(bob, authenticator);
    expectOk(await bob.post(paths.accountPassword.href, { ...change, ...proof }), 204);
    // The same assertion does not change it twice.
    expectError(
      await bob.post(paths.accountPassword.href, {
        currentPassword: change.newPassword,
        newPassword: 'yet-another-passphrase-25',
        ...proof,
      }),
      'SECURITY_KEY_REFUSED',
    );
  });

  it("unbinds a member's MFA with the agent's own key, not the member's", async () => {
    const bobs = await bobWithKey();
    const bob = await tickets.pendingBob();
    const ticket = await created(
      await bob.post(paths.tickets.href, unbindRequest(await tickets.ticketCode(bob))),
    );
    const support = await activeAgent(api);
    expectOk(await support.post(paths.supportTicketAccept.href(ticket.id)));
    const agentKey = await steps.addKey(support, { proof: { code: await agentCode(api) } });
    expectOk(agentKey.response, 201);

    const path = paths.supportTicketUnbindMfa.href(ticket.id);
    const withBobsKey = await stepUpProof(support, bobs.authenticator);
    expectError(
      await support.post(path, { reply: 'Done.', ...withBobsKey }),
      'SECURITY_KEY_REFUSED',
    );
    const withOwnKey = await stepUpProof(support, agentKey.authenticator);
    expectOk(await support.post(path, { reply: 'Done.', ...withOwnKey }));
    expect((await storedKeys()).map((key) => key.accountId)).toEqual(['acc_support']);
  });
});

describe('unbinding MFA removes the keys (KEY-4)', () => {
  it('by the user, proved with a key; the email says the key went too', async () => {
    const { bob, authenticator } = await bobWithKey();
    expectOk(await bob.post(paths.unbindMfa.href, await stepUpProof(bob, authenticator)));
    expect(await storedKeys()).toEqual([]);
    const [mail] = await mailTo('bob@example.com');
    expect(mail?.subject).toBe('MFA was unbound from your account');
    expect(mail?.body).toContain('Your security key was removed with it.');
  });

  it("by customer service through the agent's unbind", async () => {
    await bobWithKey();
    const bob = await tickets.pendingBob();
    const ticket = await created(
      await bob.post(paths.tickets.href, unbindRequest(await tickets.ticketCode(bob))),
    );
    const support = await activeAgent(api);
    expectOk(await support.post(paths.supportTicketAccept.href(ticket.id)));
    expectOk(await unbindAsAgent(api, support, ticket.id));
    expect(await storedKeys()).toEqual([]);
  });
});

describe('malformed ceremonies are 400 with field errors, and store nothing (KEY-3)', () => {
  it('refuses a malformed attestation', async () => {
    const bob = await steps.activeBob();
    const challenge = await steps.registrationChallenge(bob, { code: steps.freshBobCode() });
    const authenticator = await SoftAuthenticator.create();
    const credential = await authenticator.register({ challenge, origin: ORIGIN });
    const cases: Array<[object, string]> = [
      [{ name: 'Key' }, 'credential'],
      [{ name: 'Key', credential: { ...credential, type: 'password' } }, 'credential.type'],
      [
        { name: 'Key', credential: { ...credential, response: { clientDataJSON: 'e30' } } },
        'credential.response.clientDataJSON',
      ],
      [
        {
          name: 'Key',
          credential: {
            ...credential,
            response: { ...credential.response, attestationObject: '' },
          },
        },
        'credential.response.attestationObject',
      ],
      [{ name: 'Key', credential: { ...credential, rawId: 'not base64url!' } }, 'credential.rawId'],
    ];
    for (const [body, field] of cases) {
      const error = expectError(await bob.post(paths.securityKeys.href, body), 'VALIDATION_FAILED');
      expect(error.fieldErrors, field).toHaveProperty([field]);
    }
    const raw = await bob.send('POST', paths.securityKeys.href, { raw: '{"name":"Key",' });
    expectError(raw, 'VALIDATION_FAILED');
    // The challenge is still open: nothing was read past the contract.
    expectOk(await bob.post(paths.securityKeys.href, { name: 'Key', credential }), 201);
    expect(await storedKeys()).toHaveLength(1);
  });

  it('refuses a malformed assertion at login', async () => {
    const { authenticator } = await bobWithKey();
    const login = await api.signedIn('bob@example.com');
    const securityKey = await authenticator.assert({
      challenge: await loginChallenge(login),
      origin: ORIGIN,
    });
    const cases: Array<[object, string]> = [
      [{ securityKey: { ...securityKey, response: undefined } }, 'securityKey.response'],
      [
        { securityKey: { ...securityKey, response: { ...securityKey.response, signature: '%%' } } },
        'securityKey.response.signature',
      ],
      [
        {
          securityKey: {
            ...securityKey,
            response: { ...securityKey.response, clientDataJSON: 'bm90IGpzb24' },
          },
        },
        'securityKey.response.clientDataJSON',
      ],
      [{ securityKey, code: '123456' }, 'securityKey'],
    ];
    for (const [body, field] of cases) {
      const error = expectError(await login.post(paths.sessionMfa.href, body), 'VALIDATION_FAILED');
      expect(error.fieldErrors, field).toHaveProperty([field]);
    }
    expectOk(await login.post(paths.sessionMfa.href, { securityKey }));
  });
});
