import { describe, expect, it } from 'vitest';
import { DAY_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import { type MfaPosture, mfaPostureSchema } from '@/api/schemas/workspace';
import { BOB_RECOVERY_CODES } from '@/backend/seed';
import { type ApiClient, expectError, expectOk, setupMockApi } from '../support/api-client';
import { graceApiSteps } from '../support/grace-api';
import { keysApiSteps } from '../support/keys-api';

const api = setupMockApi();
const { boundOwner, switchOn } = graceApiSteps(api);

const POSTURE = paths.workspaceMfaPosture.href('ws_demo');

async function postureAs(client: ApiClient): Promise<MfaPosture> {
  const response = await client.get(POSTURE);
  expectOk(response);
  return mfaPostureSchema.parse(response.body);
}

/** Signs bob in with each of his first `count` recovery codes, as a person without a phone would. */
async function useBobRecoveryCodes(count: number): Promise<void> {
  for (const recoveryCode of BOB_RECOVERY_CODES.slice(0, count)) {
    const bob = await api.signedIn('bob@example.com');
    expectOk(await bob.post(paths.sessionMfa.href, { recoveryCode }));
  }
}

describe('GET /workspaces/{id}/mfa-posture (POSTURE-1)', () => {
  it('counts bound and unbound members of Demo Workspace and lists each with codes left', async () => {
    const owner = await api.signedIn('owner@example.com');
    const posture = await postureAs(owner);
    expect(posture).toMatchObject({
      boundCount: 1,
      unboundCount: 2,
      fewRecoveryCodesCount: 0,
      securityKeyCount: 0,
      graceEndsAt: null,
    });
    expect(posture.members.every((member) => !member.hasSecurityKey)).toBe(true);
    expect(
      posture.members.map(({ email, mfaBound, recoveryCodesLeft }) => ({
        email,
        mfaBound,
        recoveryCodesLeft,
      })),
    ).toEqual([
      { email: 'owner@example.com', mfaBound: false, recoveryCodesLeft: null },
      { email: 'alice@example.com', mfaBound: false, recoveryCodesLeft: null },
      { email: 'bob@example.com', mfaBound: true, recoveryCodesLeft: BOB_RECOVERY_CODES.length },
    ]);
  });

  it('flags a member at 2 recovery codes left, and not at 3', async () => {
    const owner = await api.signedIn('owner@example.com');
    await useBobRecoveryCodes(BOB_RECOVERY_CODES.length - 3);
    const atThree = await postureAs(owner);
    expect(atThree.members.find((m) => m.email === 'bob@example.com')).toMatchObject({
      recoveryCodesLeft: 3,
      fewRecoveryCodes: false,
    });
    expect(atThree.fewRecoveryCodesCount).toBe(0);

    const bob = await api.signedIn('bob@example.com');
    expectOk(
      await bob.post(paths.sessionMfa.href, {
        recoveryCode: BOB_RECOVERY_CODES[BOB_RECOVERY_CODES.length - 3],
      }),
    );
    const atTwo = await postureAs(owner);
    expect(atTwo.members.find((m) => m.email === 'bob@example.com')).toMatchObject({
      recoveryCodesLeft: 2,
      fewRecoveryCodes: true,
    });
    expect(atTwo.fewRecoveryCodesCount).toBe(1);
  });

  it('gives the grace deadline while one runs, with the Owner now bound', async () => {
    const owner = await boundOwner();
    const deadline = api.time.now + 5 * DAY_MS;
    await switchOn(owner, 5);
    const posture = await postureAs(owner);
    expect(posture).toMatchObject({
      boundCount: 2,
      unboundCount: 1,
      graceEndsAt: new Date(deadline).toISOString(),
    });
    expect(posture.members.filter((m) => !m.mfaBound).map((m) => m.email)).toEqual([
      'alice@example.com',
    ]);
  });

  it('says who has a security key, and counts them (KEY-1)', async () => {
    await keysApiSteps(api).bobWithKey();
    const owner = await api.signedIn('owner@example.com');
    const posture = await postureAs(owner);
    expect(posture.securityKeyCount).toBe(1);
    expect(posture.members.map(({ email, hasSecurityKey }) => ({ email, hasSecurityKey }))).toEqual(
      [
        { email: 'owner@example.com', hasSecurityKey: false },
        { email: 'alice@example.com', hasSecurityKey: false },
        { email: 'bob@example.com', hasSecurityKey: true },
      ],
    );
  });

  it('refuses members who are not the Owner, and anyone signed out', async () => {
    expectError(await (await api.signedIn('alice@example.com')).get(POSTURE), 'FORBIDDEN');
    const bob = await api.signedIn('bob@example.com');
    expectOk(await bob.post(paths.sessionMfa.href, { recoveryCode: BOB_RECOVERY_CODES[0] }));
    expectError(await bob.get(POSTURE), 'FORBIDDEN');
    expectError(await api.client().get(POSTURE), 'UNAUTHENTICATED');
  });
});
