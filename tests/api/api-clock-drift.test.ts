import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { expectError, expectOk, setupMockApi } from '../support/api-client';
import { mfaApiSteps } from '../support/mfa-api';

const api = setupMockApi();
const { bobCode } = mfaApiSteps(api);

describe('the clock-drift hint over HTTP (DRIFT-1)', () => {
  it('answers a code from a phone 4 steps ahead with INVALID_CODE and driftSeconds 120', async () => {
    const bob = await api.signedIn('bob@example.com');
    const error = expectError(
      await bob.post(paths.sessionMfa.href, { code: bobCode(4) }),
      'INVALID_CODE',
    );
    expect(error.driftSeconds).toBe(120);
    expect((await bob.get(paths.session.href)).body).toMatchObject({ state: 'mfa_required' });
  });

  it('answers a code from a phone 6 steps behind with driftSeconds -180', async () => {
    const bob = await api.signedIn('bob@example.com');
    const error = expectError(
      await bob.post(paths.sessionMfa.href, { code: bobCode(-6) }),
      'INVALID_CODE',
    );
    expect(error.driftSeconds).toBe(-180);
  });

  it('leaves driftSeconds out for a code past the hint, and accepts the right code after a hint', async () => {
    const bob = await api.signedIn('bob@example.com');
    const far = expectError(
      await bob.post(paths.sessionMfa.href, { code: bobCode(11) }),
      'INVALID_CODE',
    );
    expect(far).not.toHaveProperty('driftSeconds');
    expectOk(await bob.post(paths.sessionMfa.href, { code: bobCode() }));
  });

  it('counts hinted codes toward the lockout: the fifth is 429 CODE_LOCKED, still with the hint', async () => {
    const bob = await api.signedIn('bob@example.com');
    for (const steps of [2, 3, 4, 5]) {
      expectError(await bob.post(paths.sessionMfa.href, { code: bobCode(steps) }), 'INVALID_CODE');
    }
    const locked = await bob.post(paths.sessionMfa.href, { code: bobCode(6) });
    expect(expectError(locked, 'CODE_LOCKED').driftSeconds).toBe(180);
    expect(locked.headers.get('Retry-After')).toBe('900');
  });
});
