import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { Session } from '@/api/schemas/session';
import { codeAt, stepAt } from '@/mocks/domain/totp';
import { mockApi } from './mock-api';

export const DEMO_PASSWORD = 'Guance@2026';

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
  const { secret, now } = await mockApi().server.run((state, ctx) => ({
    secret: state.accounts.find((account) => account.email === email)?.mfa?.secret ?? '',
    now: ctx.now,
  }));
  await request<Session>(paths.sessionMfa.href, {
    method: 'POST',
    body: { code: codeAt(secret, stepAt(now)) },
  });
}
