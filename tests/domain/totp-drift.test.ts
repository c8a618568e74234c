import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@/api/limits';
import { unbindWithCode } from '@/backend/domain/mfa';
import { driftInSteps, stepAt } from '@/backend/domain/totp';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import { setupTestServer } from '../support/domain-server';
import { refusalOf, runAs, totpAt } from '../support/mfa';
import { mfaDomainSteps } from '../support/mfa-domain';

const t = setupTestServer();
const { logInAs, verifyLogin, accountOf, bobCode, activeBob } = mfaDomainSteps(t);

/** 2 to 10 steps either side: a phone whose clock is 60 to 300 seconds off. */
const DRIFTED_STEPS = [2, 3, 5, 10, -2, -3, -7, -10];

describe('clock-drift hint (DRIFT-1)', () => {
  it.each(DRIFTED_STEPS)(
    'refuses a code from %i steps away and says how far the clock seems off',
    async (steps) => {
      const pending = await logInAs('bob@example.com');
      const refusal = await refusalOf(verifyLogin(pending.token, bobCode(steps)));
      expect(refusal).toMatchObject({ code: 'INVALID_CODE', driftSeconds: steps * 30 });
      expect((await accountOf('acc_bob')).codeFailures).toBe(1);
    },
  );

  it.each([1, -1])('accepts a code from %i step away, as the window allows', async (steps) => {
    const pending = await logInAs('bob@example.com');
    await expect(verifyLogin(pending.token, bobCode(steps))).resolves.toMatchObject({
      session: { state: 'active' },
    });
  });

  it.each([11, -11, 20])('gives no hint for a code %i steps away', async (steps) => {
    const pending = await logInAs('bob@example.com');
    const refusal = await refusalOf(verifyLogin(pending.token, bobCode(steps)));
    expect(refusal).toMatchObject({ code: 'INVALID_CODE', driftSeconds: null });
  });

  it('counts drifted codes toward the lockout, and the fifth still carries the hint', async () => {
    const pending = await logInAs('bob@example.com');
    const refusals = [];
    for (const steps of [3, 4, 5, 6, 7]) {
      refusals.push(await refusalOf(verifyLogin(pending.token, bobCode(steps))));
    }
    expect(refusals.slice(0, 4).map((refusal) => refusal.code)).toEqual(
      Array(4).fill('INVALID_CODE'),
    );
    expect(refusals[4]).toMatchObject({
      code: 'CODE_LOCKED',
      retryAfterMs: 15 * MINUTE_MS,
      driftSeconds: 210,
    });
    expect((await accountOf('acc_bob')).codeLockedUntil).toBe(t.time.now + 15 * MINUTE_MS);
  });

  it('hints at a step-up too, through the same check (an unbind)', async () => {
    const active = await activeBob();
    // Past the login's step by more than the drift, so the old step is not a replay.
    t.time.advance(10 * MINUTE_MS);
    const refusal = await refusalOf(
      runAs(t.server, active.token, (state, ctx, session) =>
        unbindWithCode(state, ctx, session, { code: bobCode(-4) }),
      ),
    );
    expect(refusal).toMatchObject({ code: 'INVALID_CODE', driftSeconds: -120 });
    expect((await accountOf('acc_bob')).mfa).not.toBeNull();
  });

  it('reads a replayed old code as plain wrong, not as a clock behind', () => {
    const now = t.time.now;
    const code = totpAt(BOB_TOTP_SECRET, now, -3);
    const refused = { secret: BOB_TOTP_SECRET, code, now };
    expect(driftInSteps({ ...refused, lastUsedStep: null })).toBe(-3);
    expect(driftInSteps({ ...refused, lastUsedStep: stepAt(now) - 3 })).toBeNull();
  });

  it('ignores what is not six digits', () => {
    const refused = { secret: BOB_TOTP_SECRET, now: t.time.now, lastUsedStep: null };
    expect(driftInSteps({ ...refused, code: '12345' })).toBeNull();
  });
});
