import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import { enrollmentSecretSchema, enrollmentStatusSchema } from '@/api/schemas/mfa';
import { type ApiResponse, expectError, expectOk, setupMockApi } from '../support/api-client';
import { totpAt } from '../support/mfa';
import { mfaApiSteps } from '../support/mfa-api';

const api = setupMockApi();
const { startBinding, activeBob } = mfaApiSteps(api);

function secretOf(response: ApiResponse) {
  expectOk(response);
  return enrollmentSecretSchema.parse(response.body);
}

describe('the pending secret over HTTP (BIND-5)', () => {
  it('POST /secret answers the same secret again, with the time it has left', async () => {
    const alice = await api.signedIn('alice@example.com');
    const { secret } = await startBinding(alice, 'alice@example.com');

    api.time.advance(2 * MINUTE_MS);
    const again = secretOf(await alice.post(paths.enrollmentSecret.href));

    expect(again.secret).toBe(secret);
    expect(again.expiresInSeconds).toBe(8 * 60);
  });

  it('POST /secret/rotate replaces it, no-store, and only the new one confirms', async () => {
    const alice = await api.signedIn('alice@example.com');
    const { secret } = await startBinding(alice, 'alice@example.com');

    const response = await alice.post(paths.enrollmentSecretRotate.href);
    const rotated = secretOf(response);

    expect(response.headers.get('Cache-Control')).toContain('no-store');
    expect(rotated).toMatchObject({ algorithm: 'SHA1', digits: 6, period: 30 });
    expect(rotated.expiresInSeconds).toBe(600);
    expect(rotated.secret).not.toBe(secret);
    expect(new URL(rotated.otpauthUri).searchParams.get('secret')).toBe(rotated.secret);
    expect(secretOf(await alice.post(paths.enrollmentSecret.href)).secret).toBe(rotated.secret);
    expectOk(
      await alice.post(paths.enrollmentConfirm.href, {
        code: totpAt(rotated.secret, api.time.now),
      }),
    );
  });

  it('refuses to rotate outside a wizard, changing nothing', async () => {
    const alice = await api.signedIn('alice@example.com');
    const anonymous = api.client();
    const bob = await activeBob();
    const before = await api.server.run((state) => structuredClone(state));

    expectError(await anonymous.post(paths.enrollmentSecretRotate.href), 'UNAUTHENTICATED');
    expectError(await alice.post(paths.enrollmentSecretRotate.href), 'ENROLLMENT_REQUIRED');
    expectError(await bob.post(paths.enrollmentSecretRotate.href), 'MFA_ALREADY_BOUND');
    // A body is not read: whatever is sent, the answer depends on the wizard alone.
    expectError(
      await alice.post(paths.enrollmentSecretRotate.href, { secret: 'JBSWY3DPEHPK3PXP' }),
      'ENROLLMENT_REQUIRED',
    );

    expect(await api.server.run((state) => structuredClone(state))).toEqual(before);
  });

  it('refuses to rotate after a cancel or once the secret and identity have expired', async () => {
    const alice = await api.signedIn('alice@example.com');
    await startBinding(alice, 'alice@example.com');
    api.time.advance(10 * MINUTE_MS);
    expectError(await alice.post(paths.enrollmentSecretRotate.href), 'ENROLLMENT_REQUIRED');
    expect(enrollmentStatusSchema.parse((await alice.get(paths.enrollment.href)).body).stage).toBe(
      'identity',
    );

    const carol = await api.signedIn('carol@example.com');
    await startBinding(carol, 'carol@example.com');
    expectOk(await carol.delete(paths.enrollment.href), 204);
    expectError(await carol.post(paths.enrollmentSecretRotate.href), 'ENROLLMENT_REQUIRED');
  });
});
