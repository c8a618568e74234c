import { paths } from '@/api/paths';
import { findAccountByEmail } from '@/backend/domain/accounts';
import { stepAt } from '@/backend/domain/totp';
import { SUPPORT_TOTP_SECRET } from '@/backend/seed';
import { type ApiClient, expectOk, type MockApi } from './api-client';
import { STEP_MS, totpAt } from './mfa';

export const SUPPORT_EMAIL = 'support@example.com';

/**
 * The demo agent's current code on a step it has not used yet: a step verifies
 * once per account (MOCK-3), so the fake clock moves on when it must, as an
 * agent waits for the next code on their phone.
 */
export async function agentCode(api: MockApi): Promise<string> {
  const lastUsed = await api.server.run(
    (state) => findAccountByEmail(state, SUPPORT_EMAIL)?.mfa?.lastUsedStep ?? 0,
  );
  while (stepAt(api.time.now) <= lastUsed) api.time.advance(STEP_MS);
  return totpAt(SUPPORT_TOTP_SECRET, api.time.now);
}

/** Customer service past its login's code step (TICKET-11). */
export async function activeAgent(api: MockApi): Promise<ApiClient> {
  const support = await api.signedIn(SUPPORT_EMAIL);
  expectOk(await support.post(paths.sessionMfa.href, { code: await agentCode(api) }));
  return support;
}

/** The agent's step-up: unbinds the requester's MFA with a fresh code of their own. */
export async function unbindAsAgent(api: MockApi, support: ApiClient, ticketId: string) {
  return support.post(paths.supportTicketUnbindMfa.href(ticketId), {
    reply: 'Done.',
    code: await agentCode(api),
  });
}
