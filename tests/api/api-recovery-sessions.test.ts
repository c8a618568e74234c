import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { accountSchema } from '@/api/schemas/account';
import { auditListSchema, enrollmentSecretSchema } from '@/api/schemas/mfa';
import { type ApiClient, expectError, expectOk, setupMockApi } from '../support/api-client';
import { STEP_MS, totpAt } from '../support/mfa';
import { mfaApiSteps } from '../support/mfa-api';

const api = setupMockApi();
const { bobCode, activeBob } = mfaApiSteps(api);

async function lastSessionEnded(client: ApiClient) {
  const { events } = auditListSchema.parse((await client.get(paths.accountAudit.href)).body);
  return events.find((entry) => entry.event === 'session.ended');
}

/**
 * SESSION-2 for RECOVERY-3 and RECOVERY-4: a new set of recovery codes and a
 * new authenticator end every other session of the account; the caller's goes
 * on under a new token, and its old token stops working.
 */
describe('recovery changes end the other sessions (SESSION-2)', () => {
  it('regenerating recovery codes signs out the other sessions and renews the caller', async () => {
    const other = await activeBob();
    api.time.advance(STEP_MS);
    const bob = await activeBob();
    const oldCookie = bob.cookie;
    api.time.advance(STEP_MS);

    const response = await bob.post(paths.recoveryCodes.href, { code: bobCode() });

    expectOk(response);
    expect(response.headers.get('Set-Cookie')).toMatch(/^__Host-gsid=[^;]+;/);
    expect(bob.cookie).not.toBe(oldCookie);
    expect(expectError(await other.get(paths.account.href), 'SESSION_ENDED').endedBy).toBe(
      'security_changed',
    );
    expectOk(await bob.get(paths.account.href));
    const replay = api.client();
    replay.cookie = oldCookie;
    expectError(await replay.get(paths.account.href), 'UNAUTHENTICATED');
    expect(await lastSessionEnded(bob)).toMatchObject({
      detail: { reason: 'recovery_codes_regenerated', count: 1 },
    });
  });

  it('changing the authenticator signs out the other sessions and renews the caller', async () => {
    const other = await activeBob();
    api.time.advance(STEP_MS);
    const bob = await activeBob();
    api.time.advance(STEP_MS);
    expectOk(await bob.post(paths.changeAuthenticator.href, { code: bobCode() }), 204);
    const { secret } = enrollmentSecretSchema.parse(
      (await bob.post(paths.enrollmentSecret.href)).body,
    );
    // Not yet: the old app and every session keep working until the new one is confirmed.
    expectOk(await other.get(paths.account.href));
    const oldCookie = bob.cookie;

    const confirmed = await bob.post(paths.enrollmentConfirm.href, {
      code: totpAt(secret, api.time.now),
    });

    expectOk(confirmed);
    expect(confirmed.headers.get('Set-Cookie')).toMatch(/^__Host-gsid=[^;]+;/);
    expect(bob.cookie).not.toBe(oldCookie);
    expect(expectError(await other.get(paths.account.href), 'SESSION_ENDED').endedBy).toBe(
      'security_changed',
    );
    expect(accountSchema.parse((await bob.get(paths.account.href)).body).mfa.bound).toBe(true);
    expect(await lastSessionEnded(bob)).toMatchObject({
      detail: { reason: 'authenticator_changed', count: 1 },
    });
  });
});
