import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { Session } from '@/api/schemas/session';
import { codeAt, stepAt } from '@/backend/domain/totp';
import { mockApi } from './mock-api';

export const DEMO_PASSWORD = 'Guance@2026';
const TOTP_STEP_MS = 30_000;

/**
 * Signs the test's one browser in through the API, as the login form would,
 * and pays the code owed by a bound account as its phone would, unless the test
 * is about that step.
 */
export async function signIn(
  email: string,
  stopAt: 'active' | 'mfa_required' = 'active',
): Promise<void> {
  const session = await request<Session>(paths.session.href, {
    method: 'POST',
    body: { email, password: DEMO_PASSWORD },
  });
  if (session.state !== 'mfa_required' || stopAt === 'mfa_required') return;
  await request<Session>(paths.sessionMfa.href, {
    method: 'POST',
    body: { code: await freshCode(email) },
  });
}

/**
 * The account's current code on a step it has not used yet: a step verifies
 * once (MOCK-3), so the server's clock moves on when it must, as a person
 * waits for the next code on their phone.
 */
export async function freshCode(email: string): Promise<string> {
  const api = mockApi();
  const read = () =>
    api.server.run((state, ctx) => {
      const mfa = state.accounts.find((account) => account.email === email)?.mfa;
      return { secret: mfa?.secret ?? '', lastUsedStep: mfa?.lastUsedStep ?? 0, now: ctx.now };
    });
  let current = await read();
  while (stepAt(current.now) <= current.lastUsedStep) {
    api.advance(TOTP_STEP_MS);
    current = await read();
  }
  return codeAt(current.secret, stepAt(current.now));
}
