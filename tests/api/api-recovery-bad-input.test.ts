import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { BOB_RECOVERY_CODES } from '@/backend/seed';
import { type ApiClient, expectError, expectOk, setupMockApi } from '../support/api-client';
import { STEP_MS, totpAt } from '../support/mfa';
import { mfaApiSteps } from '../support/mfa-api';
import { comparableState } from '../support/state-snapshot';

/**
 * RECOVERY-2 at the contract (MOCK-1): a recovery code of the wrong shape is
 * bad input, 400 VALIDATION_FAILED on `recoveryCode`, changes nothing (not even
 * the lockout count: it could never match) and is not echoed back (MOCK-6). A
 * code of the right shape that is not one of the account's unused codes is
 * INVALID_CODE and counts. Every endpoint that takes a SecondFactor is covered.
 */
const api = setupMockApi();
const { bobCode, activeBob, startBinding } = mfaApiSteps(api);

const BAD_RECOVERY_CODES: ReadonlyArray<readonly [label: string, value: unknown]> = [
  ['an empty string', ''],
  ['only spaces and dashes', ' - - '],
  ['9 characters', 'bob2a-demo'],
  ['11 characters', 'bob2a-demo12'],
  ['full-width digits', 'bob2a-demo１'],
  ['a full-width letter', 'ｂob2a-demo1'],
  ['a Cyrillic o', 'b\u043Eb2a-demo1'],
  ['a Kelvin sign', '\u212Abob2-demo1'],
  ['an underscore', 'bob2a_demo1'],
  ['a tab inside', 'bob2a\tdemo1'],
  ['a no-break space inside', 'bob2a\u00A0demo1'],
  ['a NUL inside', 'bob2a\u0000demo1'],
  ['a zero-width space inside', 'bob2a\u200Bdemo1'],
  ['a 10 kB string', 'a'.repeat(10 * 1024)],
  ['markup', '<img src=x onerror=alert(1)>'],
  ['a number', 1234567890],
  ['null', null],
  ['an array', [BOB_RECOVERY_CODES[0]]],
];

interface Endpoint {
  path: string;
  /** A browser holding the session the endpoint expects. */
  prepare: () => Promise<ApiClient>;
}

const ENDPOINTS: ReadonlyArray<readonly [string, Endpoint]> = [
  [
    'POST /api/v1/session/mfa',
    { path: paths.sessionMfa.href, prepare: () => api.signedIn('bob@example.com') },
  ],
  ['POST /api/v1/account/mfa/unbind', { path: paths.unbindMfa.href, prepare: () => activeBob() }],
  [
    'POST /api/v1/account/mfa/change',
    { path: paths.changeAuthenticator.href, prepare: () => activeBob() },
  ],
];

describe.each(ENDPOINTS)('%s: recovery codes of the wrong shape', (_label, endpoint) => {
  it.each(BAD_RECOVERY_CODES)(
    'refuses %s with 400 VALIDATION_FAILED, echoes nothing, changes nothing',
    async (_case, value) => {
      const client = await endpoint.prepare();
      const before = await comparableState(api.server);

      const response = await client.post(endpoint.path, { recoveryCode: value });

      const error = expectError(response, 'VALIDATION_FAILED');
      expect(Object.keys(error.fieldErrors ?? {})).toEqual(['recoveryCode']);
      if (typeof value === 'string' && value.length >= 5) {
        expect(response.text).not.toContain(value.slice(0, 64));
      }
      expect(await comparableState(api.server)).toBe(before);
    },
  );

  it('refuses both a code and a recovery code at once, and neither', async () => {
    const client = await endpoint.prepare();
    const both = await client.post(endpoint.path, {
      code: bobCode(),
      recoveryCode: BOB_RECOVERY_CODES[0],
    });
    expect(expectError(both, 'VALIDATION_FAILED').fieldErrors).toEqual({
      recoveryCode: 'custom',
    });
    const neither = await client.post(endpoint.path, {});
    expect(expectError(neither, 'VALIDATION_FAILED').fieldErrors).toEqual({ code: 'required' });
  });
});

describe('recovery codes of the right shape that are not right (RECOVERY-2)', () => {
  it("answers INVALID_CODE for another account's code, and counts it", async () => {
    // Alice binds, so she has codes of her own; bob's are not hers.
    const alice = await api.signedIn('alice@example.com');
    const { secret } = await startBinding(alice, 'alice@example.com');
    expectOk(
      await alice.post(paths.enrollmentConfirm.href, { code: totpAt(secret, api.time.now) }),
    );

    const pending = await api.signedIn('alice@example.com');
    expectError(
      await pending.post(paths.sessionMfa.href, { recoveryCode: BOB_RECOVERY_CODES[0] }),
      'INVALID_CODE',
    );
    const failures = await api.server.run(
      (state) => state.accounts.find((account) => account.id === 'acc_alice')?.codeFailures,
    );
    expect(failures).toBe(1);
  });

  it('answers INVALID_CODE for a used code, at login and at a step-up', async () => {
    const first = await api.signedIn('bob@example.com');
    expectOk(await first.post(paths.sessionMfa.href, { recoveryCode: BOB_RECOVERY_CODES[2] }));

    const second = await api.signedIn('bob@example.com');
    expectError(
      await second.post(paths.sessionMfa.href, { recoveryCode: BOB_RECOVERY_CODES[2] }),
      'INVALID_CODE',
    );
    expectError(
      await first.post(paths.unbindMfa.href, { recoveryCode: BOB_RECOVERY_CODES[2] }),
      'INVALID_CODE',
    );
  });

  it.each(ENDPOINTS)(
    '%s: 10 parallel uses of one recovery code give exactly one success',
    async (_label, endpoint) => {
      // One after another: each active bob took a dynamic code of its own step.
      const clients: ApiClient[] = [];
      for (let i = 0; i < 10; i++) {
        clients.push(await endpoint.prepare());
        api.time.advance(STEP_MS);
      }
      const responses = await Promise.all(
        clients.map((client) =>
          client.post(endpoint.path, { recoveryCode: BOB_RECOVERY_CODES[5] }),
        ),
      );
      expect(responses.filter((response) => response.status < 300)).toHaveLength(1);
      for (const response of responses.filter((r) => r.status >= 300)) {
        expect(response.status).toBeGreaterThanOrEqual(400);
      }
      const used = await api.server.run(
        (state) =>
          state.audit.filter(
            (entry) => entry.accountId === 'acc_bob' && entry.event === 'mfa.recovery_code_used',
          ).length,
      );
      expect(used).toBe(1);
    },
  );
});
