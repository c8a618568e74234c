import { HOTP } from 'otpauth/slim';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupTestServer } from '../support/domain-server';
import { refusalOf } from '../support/mfa';
import { mfaDomainSteps } from '../support/mfa-domain';

const t = setupTestServer();
const { logInAs, verifyLogin, bobCode } = mfaDomainSteps(t);

afterEach(() => {
  vi.restoreAllMocks();
});

/** How many TOTP codes (one HMAC each) the server computes while `check` runs. */
async function hmacsDuring(check: () => Promise<unknown>): Promise<number> {
  const generate = vi.spyOn(HOTP, 'generate');
  await check();
  return generate.mock.calls.length;
}

describe('what the clock-drift hint costs (DRIFT-1)', () => {
  it('adds at most 20 HMACs to a wrong code, however far off it is', async () => {
    const pending = await logInAs('bob@example.com');
    const window = 3;
    const code = bobCode(40);
    const farOff = await hmacsDuring(() => refusalOf(verifyLogin(pending.token, code)));
    expect(farOff - window).toBeLessThanOrEqual(20);
    expect(farOff).toBeGreaterThan(window);
  });

  it('adds nothing to a right code', async () => {
    const pending = await logInAs('bob@example.com');
    const code = bobCode(1);
    const right = await hmacsDuring(() => verifyLogin(pending.token, code));
    expect(right).toBe(3);
  });
});
