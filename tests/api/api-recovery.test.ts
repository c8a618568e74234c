import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { accountSchema } from '@/api/schemas/account';
import {
  enrollmentConfirmedSchema,
  enrollmentSecretSchema,
  enrollmentStatusSchema,
  recoveryCodesSchema,
} from '@/api/schemas/mfa';
import { sessionSchema } from '@/api/schemas/session';
import { BOB_RECOVERY_CODES, BOB_TOTP_SECRET } from '@/backend/seed';
import { expectError, expectOk, setupMockApi } from '../support/api-client';
import { STEP_MS, totpAt } from '../support/mfa';
import { mfaApiSteps } from '../support/mfa-api';

const api = setupMockApi();
const { bobCode, mailTo, startBinding, activeBob } = mfaApiSteps(api);

describe('recovery codes over HTTP (RECOVERY-1 to RECOVERY-3)', () => {
  it('answers a new binding with its codes once; no later answer carries them', async () => {
    const alice = await api.signedIn('alice@example.com');
    const { secret } = await startBinding(alice, 'alice@example.com');
    const confirmed = await alice.post(paths.enrollmentConfirm.href, {
      code: totpAt(secret, api.time.now),
    });
    expectOk(confirmed);
    expect(confirmed.headers.get('Cache-Control')).toBe('no-store');
    const { recoveryCodes } = enrollmentConfirmedSchema.parse(confirmed.body);
    expect(recoveryCodes).toHaveLength(10);

    const later = [
      await alice.get(paths.session.href),
      await alice.get(paths.account.href),
      await alice.get(paths.accountAudit.href),
      await api.client().get(paths.devMailbox.href),
      await api.client().get(paths.devAuthenticator.href),
    ];
    for (const response of later) {
      for (const code of recoveryCodes ?? []) {
        expect(response.text).not.toContain(code);
        expect(response.text).not.toContain(code.replace('-', ''));
      }
    }
    expect(accountSchema.parse(later[1]?.body).mfa.recoveryCodesLeft).toBe(10);
  });

  it('logs in with a recovery code; the same code is refused after; the count says 9', async () => {
    const bob = await api.signedIn('bob@example.com');
    const response = await bob.post(paths.sessionMfa.href, {
      recoveryCode: BOB_RECOVERY_CODES[0].toUpperCase().replace('-', ' '),
    });
    expectOk(response);
    const session = sessionSchema.parse(response.body);
    expect(session).toMatchObject({ state: 'active', user: { recoveryCodesLeft: 9 } });
    expect(response.headers.get('Set-Cookie')).toMatch(/__Host-gsid=/);
    const [mail] = (await mailTo('bob@example.com')).slice(0, 1);
    expect(mail?.subject).toBe('A recovery code was used on your account');

    const again = await api.signedIn('bob@example.com');
    expectError(
      await again.post(paths.sessionMfa.href, { recoveryCode: BOB_RECOVERY_CODES[0] }),
      'INVALID_CODE',
    );
  });

  it('regenerates for a dynamic code only; old codes die, the new ones log in', async () => {
    const bob = await activeBob();
    api.time.advance(STEP_MS);
    expectError(
      await bob.post(paths.recoveryCodes.href, { recoveryCode: BOB_RECOVERY_CODES[1] }),
      'VALIDATION_FAILED',
    );
    const response = await bob.post(paths.recoveryCodes.href, { code: bobCode() });
    expectOk(response);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const { recoveryCodes } = recoveryCodesSchema.parse(response.body);
    expect(recoveryCodes).toHaveLength(10);

    const next = await api.signedIn('bob@example.com');
    expectError(
      await next.post(paths.sessionMfa.href, { recoveryCode: BOB_RECOVERY_CODES[1] }),
      'INVALID_CODE',
    );
    expectOk(await next.post(paths.sessionMfa.href, { recoveryCode: recoveryCodes[9] }));
  });

  it('changes the authenticator: proof, secret, confirm; the old app works until then', async () => {
    const bob = await activeBob();
    expectError(await bob.get(paths.enrollment.href), 'MFA_ALREADY_BOUND');
    api.time.advance(STEP_MS);
    const started = await bob.post(paths.changeAuthenticator.href, { code: bobCode() });
    expectOk(started, 204);

    expect(enrollmentStatusSchema.parse((await bob.get(paths.enrollment.href)).body).stage).toBe(
      'app',
    );
    expectError(await bob.post(paths.enrollmentEmailCode.href), 'MFA_ALREADY_BOUND');
    const issued = enrollmentSecretSchema.parse((await bob.post(paths.enrollmentSecret.href)).body);
    expect(issued.secret).not.toBe(BOB_TOTP_SECRET);

    api.time.advance(STEP_MS);
    const meanwhile = await api.signedIn('bob@example.com');
    expectOk(await meanwhile.post(paths.sessionMfa.href, { code: bobCode() }));

    const confirmed = await bob.post(paths.enrollmentConfirm.href, {
      code: totpAt(issued.secret, api.time.now),
    });
    expectOk(confirmed);
    expect(enrollmentConfirmedSchema.parse(confirmed.body).recoveryCodes).toBeNull();
    expect((await mailTo('bob@example.com')).map((mail) => mail.subject)).toContain(
      'The authenticator app of your account was changed',
    );
    expect(accountSchema.parse((await bob.get(paths.account.href)).body).mfa).toMatchObject({
      bound: true,
      recoveryCodesLeft: 10,
    });

    api.time.advance(STEP_MS);
    const after = await api.signedIn('bob@example.com');
    expectError(await after.post(paths.sessionMfa.href, { code: bobCode() }), 'INVALID_CODE');
    expectOk(
      await after.post(paths.sessionMfa.href, { code: totpAt(issued.secret, api.time.now) }),
    );
  });

  it('keeps a workspace that enforces MFA open throughout a change (mandatory MFA never lapses)', async () => {
    await api.server.run((state) => {
      const secure = state.workspaces.find((workspace) => workspace.id === 'ws_secure');
      if (secure) secure.mfaRequired = true;
      state.memberships.push({
        accountId: 'acc_bob',
        workspaceId: 'ws_secure',
        role: 'member',
        joinedAt: 0,
      });
    });
    const bob = await activeBob();
    api.time.advance(STEP_MS);
    expectOk(await bob.post(paths.changeAuthenticator.href, { code: bobCode() }), 204);
    expectOk(await bob.post(paths.enrollmentSecret.href));
    expectOk(await bob.get(paths.workspace.href('ws_secure')));
    expectOk(await bob.delete(paths.enrollment.href), 204);
    expectOk(await bob.get(paths.workspace.href('ws_secure')));
    expect(accountSchema.parse((await bob.get(paths.account.href)).body).mfa.bound).toBe(true);
  });

  it('refuses the new endpoints to a session that still owes its code (LOGIN-5)', async () => {
    const bob = await api.signedIn('bob@example.com');
    expectError(
      await bob.post(paths.changeAuthenticator.href, { code: bobCode() }),
      'MFA_REQUIRED',
    );
    expectError(await bob.post(paths.recoveryCodes.href, { code: bobCode() }), 'MFA_REQUIRED');
  });

  it('refuses both endpoints to an account without MFA', async () => {
    const alice = await api.signedIn('alice@example.com');
    expectError(
      await alice.post(paths.changeAuthenticator.href, { code: '123456' }),
      'MFA_NOT_BOUND',
    );
    expectError(await alice.post(paths.recoveryCodes.href, { code: '123456' }), 'MFA_NOT_BOUND');
  });
});
