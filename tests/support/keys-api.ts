import { expect } from 'vitest';
import { paths } from '@/api/paths';
import { ceremonyOptionsSchema, securityKeyListSchema } from '@/api/schemas/security-keys';
import { type ApiClient, type ApiResponse, expectOk, type MockApi, ORIGIN } from './api-client';
import { STEP_MS, totpAt } from './mfa';
import { mfaApiSteps } from './mfa-api';
import { SoftAuthenticator } from './soft-authenticator';

/** The security-key steps over HTTP (KEY-1 to KEY-3), as a browser and its key take them. */
export function keysApiSteps(api: MockApi) {
  const mfa = mfaApiSteps(api);

  /** A fresh dynamic code of bob's: the next step, as the login's step is spent. */
  function freshBobCode(): string {
    api.time.advance(STEP_MS);
    return mfa.bobCode();
  }

  async function challengeOf(response: ApiResponse) {
    expectOk(response);
    return ceremonyOptionsSchema.parse(response.body).challenge;
  }

  /** A register challenge, opened with `proof` (a code or a key's assertion). */
  async function registrationChallenge(client: ApiClient, proof: object): Promise<string> {
    return challengeOf(await client.post(paths.securityKeyRegistrationOptions.href, proof));
  }

  /** The whole of adding a key; returns the key's authenticator and the answer. */
  async function addKey(
    client: ApiClient,
    options: {
      name?: string;
      authenticator?: SoftAuthenticator;
      format?: 'none' | 'packed';
      proof?: object;
    } = {},
  ) {
    const authenticator = options.authenticator ?? (await SoftAuthenticator.create());
    const challenge = await registrationChallenge(
      client,
      options.proof ?? { code: freshBobCode() },
    );
    const credential = await authenticator.register({ challenge, origin: ORIGIN }, options.format);
    const response = await client.post(paths.securityKeys.href, {
      name: options.name ?? 'YubiKey',
      credential,
    });
    return { authenticator, response };
  }

  /** A step-up challenge of this active session. */
  async function stepUpChallenge(client: ApiClient): Promise<string> {
    return challengeOf(await client.post(paths.securityKeyStepUpOptions.href));
  }

  /** A login challenge of this session that owes its code. */
  async function loginChallenge(client: ApiClient): Promise<string> {
    return challengeOf(await client.post(paths.sessionMfaKeyOptions.href));
  }

  /** An assertion for a step-up, as the key signs it. */
  async function stepUpProof(client: ApiClient, authenticator: SoftAuthenticator) {
    const challenge = await stepUpChallenge(client);
    return { securityKey: await authenticator.assert({ challenge, origin: ORIGIN }) };
  }

  async function listKeys(client: ApiClient) {
    const response = await client.get(paths.securityKeys.href);
    expectOk(response);
    return securityKeyListSchema.parse(response.body).keys;
  }

  /** Bob, active, with one key added. */
  async function bobWithKey(options: { format?: 'none' | 'packed' } = {}) {
    const bob = await mfa.activeBob();
    const added = await addKey(bob, options);
    expect(added.response.status, added.response.text).toBe(201);
    return { bob, authenticator: added.authenticator };
  }

  /** Alice, active with MFA bound, and her next fresh dynamic code. */
  async function boundAlice() {
    const client = await api.signedIn('alice@example.com');
    const { secret } = await mfa.bind(client, 'alice@example.com');
    const freshCode = () => {
      api.time.advance(STEP_MS);
      return totpAt(secret, api.time.now);
    };
    return { client, secret, freshCode };
  }

  return {
    ...mfa,
    boundAlice,
    freshBobCode,
    registrationChallenge,
    addKey,
    stepUpChallenge,
    loginChallenge,
    stepUpProof,
    listKeys,
    bobWithKey,
  };
}
