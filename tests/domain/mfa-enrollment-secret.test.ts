import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@/api/limits';
import {
  cancelEnrollment,
  enrollmentStatus,
  issueEnrollmentSecret,
  rotateEnrollmentSecret,
} from '@/backend/domain/mfa';
import { setupTestServer } from '../support/domain-server';
import { refusalOf, runAs, totpAt } from '../support/mfa';
import { mfaDomainSteps } from '../support/mfa-domain';
import { seededRandomBytes } from '../support/random';

const t = setupTestServer({ randomBytes: seededRandomBytes(2026) });
const { logInAs, accountOf, activeBob, startBinding, confirm } = mfaDomainSteps(t);

const issue = (token: string) =>
  runAs(t.server, token, (state, ctx, session) => issueEnrollmentSecret(state, ctx, session));
const rotate = (token: string) =>
  runAs(t.server, token, (state, ctx, session) => rotateEnrollmentSecret(state, ctx, session));
const stage = async (token: string) =>
  (await runAs(t.server, token, (state, ctx, session) => enrollmentStatus(state, ctx, session)))
    .stage;

describe('the enrollment secret stays until confirmed, expired or cancelled (BIND-5)', () => {
  it('answers every fetch with the same secret and the same expiry, so a scanned entry keeps working', async () => {
    const { token } = await logInAs('alice@example.com');
    const first = await startBinding(token, 'alice@example.com');
    const issuedAt = t.time.now;

    t.time.advance(3 * MINUTE_MS);
    const again = await issue(token);

    expect(again.secret).toBe(first);
    expect(again.expiresAt).toBe(issuedAt + 10 * MINUTE_MS);
    await confirm(token, totpAt(first, t.time.now));
    expect((await accountOf('acc_alice')).mfa?.secret).toBe(first);
  });

  it('keeps step 1 done while the secret is valid, even past the identity window (BIND-4)', async () => {
    const { token } = await logInAs('alice@example.com');
    t.time.advance(MINUTE_MS);
    await startBinding(token, 'alice@example.com');
    // The identity was verified a moment before the secret; its window ends first.
    t.time.advance(9 * MINUTE_MS + 30_000);
    expect(await stage(token)).toBe('app');

    t.time.advance(30_000);
    expect(await stage(token)).toBe('identity');
  });

  it('replaces an expired secret only through step 1 again', async () => {
    const { token } = await logInAs('alice@example.com');
    await startBinding(token, 'alice@example.com');
    t.time.advance(10 * MINUTE_MS);

    expect(await refusalOf(issue(token))).toMatchObject({ code: 'ENROLLMENT_REQUIRED' });
    expect(await refusalOf(rotate(token))).toMatchObject({ code: 'ENROLLMENT_REQUIRED' });
  });

  it('rotates only on request: a new secret with its own 10 minutes; only the new one confirms', async () => {
    const { token } = await logInAs('alice@example.com');
    const first = await startBinding(token, 'alice@example.com');
    t.time.advance(9 * MINUTE_MS);

    const rotated = await rotate(token);

    expect(rotated.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(rotated.secret).not.toBe(first);
    expect(rotated.expiresAt).toBe(t.time.now + 10 * MINUTE_MS);
    expect(new URL(rotated.otpauthUri).searchParams.get('secret')).toBe(rotated.secret);
    expect((await issue(token)).secret).toBe(rotated.secret);
    const staleCode = totpAt(first, t.time.now);
    expect([-1, 0, 1].map((delta) => totpAt(rotated.secret, t.time.now, delta))).not.toContain(
      staleCode,
    );
    expect(await refusalOf(confirm(token, staleCode))).toMatchObject({ code: 'INVALID_CODE' });

    // Past the first secret's and the identity's 10 minutes, the rotated one still binds.
    t.time.advance(5 * MINUTE_MS);
    expect(await stage(token)).toBe('app');
    await confirm(token, totpAt(rotated.secret, t.time.now, 1));
    expect((await accountOf('acc_alice')).mfa?.secret).toBe(rotated.secret);
  });

  it('refuses to rotate before step 1, after a cancel, and once bound', async () => {
    const { token } = await logInAs('alice@example.com');
    expect(await refusalOf(rotate(token))).toMatchObject({ code: 'ENROLLMENT_REQUIRED' });

    await startBinding(token, 'alice@example.com');
    await runAs(t.server, token, (state, _ctx, session) => cancelEnrollment(state, session));
    expect(await refusalOf(rotate(token))).toMatchObject({ code: 'ENROLLMENT_REQUIRED' });
    expect((await t.snapshot()).enrollments).toEqual([]);

    const bob = await activeBob();
    expect(await refusalOf(rotate(bob.token))).toMatchObject({ code: 'MFA_ALREADY_BOUND' });
  });
});
