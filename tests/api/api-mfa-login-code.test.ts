import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import { sessionSchema } from '@/api/schemas/session';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import {
  type ApiClient,
  type ApiResponse,
  expectError,
  expectOk,
  setupMockApi,
} from '../support/api-client';
import { STEP_MS, wrongCodes } from '../support/mfa';
import { mfaApiSteps } from '../support/mfa-api';

const api = setupMockApi();
const { bobCode, startBinding, activeBob, bobAccount } = mfaApiSteps(api);

describe('POST /api/v1/session/mfa (LOGIN-3, CODE-3)', () => {
  it('promotes bob on the right code: new cookie, active session, old cookie dead', async () => {
    const bob = await api.signedIn('bob@example.com');
    const pendingCookie = bob.cookie;

    const response = await bob.post(paths.sessionMfa.href, { code: bobCode() });

    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(sessionSchema.parse(response.body)).toMatchObject({
      state: 'active',
      user: { email: 'bob@example.com', mfaBound: true },
      currentWorkspaceId: 'ws_demo',
    });
    expect(bob.cookie).not.toBeNull();
    expect(bob.cookie).not.toBe(pendingCookie);
    expectOk(await bob.get(paths.account.href));
    const stale = api.client();
    stale.cookie = pendingCookie;
    expectError(await stale.get(paths.account.href), 'UNAUTHENTICATED');
  });

  it('answers wrong, expired and replayed codes byte for byte the same', async () => {
    const first = await api.signedIn('bob@example.com');
    const second = await api.signedIn('bob@example.com');
    const usedCode = bobCode();
    const [wrong = ''] = wrongCodes(BOB_TOTP_SECRET, api.time.now, 1);
    expectOk(await first.post(paths.sessionMfa.href, { code: usedCode }));

    const replayed = await second.post(paths.sessionMfa.href, { code: usedCode });
    const wrongAnswer = await second.post(paths.sessionMfa.href, { code: wrong });
    // A step never used, now twelve steps behind the server's clock: past the
    // window, and past the reach of the clock-drift hint (DRIFT-1), which tells
    // a code 2 to 10 steps old from a wrong one on purpose.
    const staleCode = bobCode(1);
    api.time.advance(13 * STEP_MS);
    expect([-1, 0, 1].map((delta) => bobCode(delta))).not.toContain(staleCode);
    const expired = await second.post(paths.sessionMfa.href, { code: staleCode });

    const error = expectError(wrongAnswer, 'INVALID_CODE');
    expect(error.message).not.toContain(wrong);
    for (const response of [replayed, expired]) {
      expect(response.status).toBe(wrongAnswer.status);
      expect(response.text).toBe(wrongAnswer.text);
      expect(response.headers.get('Retry-After')).toBeNull();
      expect(response.headers.get('Set-Cookie')).toBeNull();
    }
    expect((await second.get(paths.session.href)).body).toMatchObject({ state: 'mfa_required' });
  });

  it('locks after 5 wrong codes: 429 CODE_LOCKED with Retry-After 900, right code refused', async () => {
    const bob = await api.signedIn('bob@example.com');
    const wrong = wrongCodes(BOB_TOTP_SECRET, api.time.now, 5);
    for (const code of wrong.slice(0, 4)) {
      expectError(await bob.post(paths.sessionMfa.href, { code }), 'INVALID_CODE');
    }

    const locked = await bob.post(paths.sessionMfa.href, { code: wrong[4] });

    expect(expectError(locked, 'CODE_LOCKED').retryAfter).toBe(900);
    expect(locked.headers.get('Retry-After')).toBe('900');
    expect(locked.headers.get('Cache-Control')).toBe('no-store');

    api.time.advance(5 * MINUTE_MS);
    const stillLocked = await bob.post(paths.sessionMfa.href, { code: bobCode() });
    expect(expectError(stillLocked, 'CODE_LOCKED').retryAfter).toBe(600);
    expect(stillLocked.headers.get('Retry-After')).toBe('600');

    const other = await api.signedIn('bob@example.com');
    expectError(await other.post(paths.sessionMfa.href, { code: bobCode() }), 'CODE_LOCKED');

    api.time.advance(10 * MINUTE_MS);
    const late = await api.signedIn('bob@example.com');
    expectOk(await late.post(paths.sessionMfa.href, { code: bobCode() }));
  });

  it('refuses a session that owes nothing with 403 FORBIDDEN, and leaves it alone', async () => {
    const owner = await api.signedIn('owner@example.com');
    const bob = await activeBob();
    const carol = await api.signedIn('carol@example.com');
    api.time.advance(STEP_MS);

    expectError(await owner.post(paths.sessionMfa.href, { code: bobCode() }), 'FORBIDDEN');
    expectError(await bob.post(paths.sessionMfa.href, { code: bobCode() }), 'FORBIDDEN');
    expectError(await carol.post(paths.sessionMfa.href, { code: bobCode() }), 'FORBIDDEN');

    expectOk(await owner.get(paths.account.href));
    expectOk(await bob.get(paths.account.href));
    expect((await bobAccount())?.codeFailures).toBe(0);
  });

  it('answers 401 UNAUTHENTICATED without a session', async () => {
    expectError(
      await api.client().post(paths.sessionMfa.href, { code: bobCode() }),
      'UNAUTHENTICATED',
    );
  });

  it('answers 401 SESSION_EXPIRED once the pending session is 10 minutes old', async () => {
    const bob = await api.signedIn('bob@example.com');
    api.time.advance(10 * MINUTE_MS);

    expectError(await bob.post(paths.sessionMfa.href, { code: bobCode() }), 'SESSION_EXPIRED');
  });
});

describe('validation of code bodies (MOCK-1)', () => {
  const BAD_BODIES: ReadonlyArray<readonly [string, () => unknown, Record<string, string>]> = [
    ['5 digits', () => ({ code: bobCode().slice(0, 5) }), { code: 'invalid_format' }],
    ['7 digits', () => ({ code: `${bobCode()}1` }), { code: 'invalid_format' }],
    ['letters', () => ({ code: 'abcdef' }), { code: 'invalid_format' }],
    [
      'a space inside',
      () => ({ code: `${bobCode().slice(0, 3)} ${bobCode().slice(3)}` }),
      { code: 'invalid_format' },
    ],
    [
      'a number instead of a string',
      () => ({ code: Number(`1${bobCode()}`) - 1_000_000 }),
      { code: 'invalid_type' },
    ],
    ['null', () => ({ code: null }), { code: 'invalid_type' }],
    ['no code', () => ({}), { code: 'required' }],
    [
      'an extra field beside the right code',
      () => ({ code: bobCode(), remember: true }),
      { remember: 'unrecognized_key' },
    ],
    ['an array', () => [bobCode()], { _: 'invalid_type' }],
  ];

  it.each(BAD_BODIES)(
    'POST /session/mfa with %s: 400 VALIDATION_FAILED, nothing changed',
    async (_label, body, fieldErrors) => {
      const bob = await api.signedIn('bob@example.com');
      const cookie = bob.cookie;
      const before = await api.server.run((state) => structuredClone(state));

      const response = await bob.post(paths.sessionMfa.href, body());

      expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual(fieldErrors);
      expect(bob.cookie).toBe(cookie);
      expect(await api.server.run((state) => structuredClone(state))).toEqual(before);
      expect((await bob.get(paths.session.href)).body).toMatchObject({ state: 'mfa_required' });
    },
  );

  it('answers 400 invalid_json for a body that is not JSON, and changes nothing', async () => {
    const bob = await api.signedIn('bob@example.com');
    const before = await api.server.run((state) => structuredClone(state));

    const response = await bob.send('POST', paths.sessionMfa.href, {
      raw: `{"code": "${bobCode()}"`,
    });

    expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual({ _: 'invalid_json' });
    expect(await api.server.run((state) => structuredClone(state))).toEqual(before);
  });

  it.each([
    ['POST /mfa/enrollment/identity', paths.enrollmentIdentity.href],
    ['POST /mfa/enrollment/confirm', paths.enrollmentConfirm.href],
  ])('%s checks its body the same way, and changes nothing', async (_label, path) => {
    const alice = await api.signedIn('alice@example.com');
    await startBinding(alice, 'alice@example.com');
    const before = await api.server.run((state) => structuredClone(state));

    for (const [, body, fieldErrors] of BAD_BODIES.filter(([label]) => !label.includes('extra'))) {
      const response = await alice.post(path, body());
      expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual(fieldErrors);
    }

    expect(await api.server.run((state) => structuredClone(state))).toEqual(before);
  });

  it('POST /account/mfa/unbind checks its body, and changes nothing', async () => {
    const bob = await activeBob();
    const before = await api.server.run((state) => structuredClone(state));

    for (const [, body, fieldErrors] of BAD_BODIES) {
      const response = await bob.post(paths.unbindMfa.href, body());
      expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual(fieldErrors);
    }

    expect(await api.server.run((state) => structuredClone(state))).toEqual(before);
  });
});

describe('a session that still owes the code (LOGIN-5)', () => {
  const ENDPOINTS: ReadonlyArray<
    readonly [string, (client: ApiClient, body: unknown) => Promise<ApiResponse>]
  > = [
    ['GET /mfa/enrollment', (client) => client.get(paths.enrollment.href)],
    ['POST /mfa/enrollment/email-code', (client) => client.post(paths.enrollmentEmailCode.href)],
    [
      'POST /mfa/enrollment/identity',
      (client, body) => client.post(paths.enrollmentIdentity.href, body),
    ],
    ['POST /mfa/enrollment/secret', (client) => client.post(paths.enrollmentSecret.href)],
    [
      'POST /mfa/enrollment/secret/rotate',
      (client) => client.post(paths.enrollmentSecretRotate.href),
    ],
    [
      'POST /mfa/enrollment/confirm',
      (client, body) => client.post(paths.enrollmentConfirm.href, body),
    ],
    ['DELETE /mfa/enrollment', (client) => client.delete(paths.enrollment.href)],
    ['POST /account/mfa/unbind', (client, body) => client.post(paths.unbindMfa.href, body)],
    ['GET /account', (client) => client.get(paths.account.href)],
    ['GET /account/audit', (client) => client.get(paths.accountAudit.href)],
  ];

  it.each(ENDPOINTS)(
    '%s answers 403 MFA_REQUIRED, for a valid body and an invalid one alike',
    async (_label, call) => {
      const bob = await api.signedIn('bob@example.com');
      const before = await api.server.run((state) => structuredClone(state));

      expectError(await call(bob, { code: bobCode() }), 'MFA_REQUIRED');
      expectError(await call(bob, { code: 'nope', extra: 1 }), 'MFA_REQUIRED');

      expect(await api.server.run((state) => structuredClone(state))).toEqual(before);
      expect((await bob.get(paths.session.href)).body).toMatchObject({ state: 'mfa_required' });
    },
  );
});
