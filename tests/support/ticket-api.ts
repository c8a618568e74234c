import { expect } from 'vitest';
import { paths } from '@/api/paths';
import { sessionSchema } from '@/api/schemas/session';
import { type CreateTicketRequest, ticketCreatedSchema } from '@/api/schemas/tickets';
import { findAccountByEmail } from '@/backend/domain/accounts';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import type { ApiClient, ApiResponse, MockApi } from './api-client';
import { totpAt } from './mfa';
import { BUG_REPORT, latestEmailCode } from './tickets';

export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

export function unbindRequest(
  emailCode?: string,
  attachmentIds: string[] = [],
): CreateTicketRequest {
  return {
    type: 'unbind_mfa',
    title: 'I lost my phone',
    description: 'My phone was stolen; please unbind MFA from bob@example.com.',
    attachmentIds,
    ...(emailCode === undefined ? {} : { emailCode }),
  };
}

export async function created(response: ApiResponse) {
  expect(response.status, response.text).toBe(201);
  return ticketCreatedSchema.parse(response.body);
}

/** The people and steps of the ticket API tests, over HTTP against `api`. */
export function ticketApiSteps(api: MockApi) {
  /** Bob at the login code step, as after his password (LOGIN-3). */
  async function pendingBob(): Promise<ApiClient> {
    const bob = await api.signedIn('bob@example.com');
    expect(sessionSchema.parse((await bob.get(paths.session.href)).body).state).toBe(
      'mfa_required',
    );
    return bob;
  }

  /** The email code for an Unbind MFA ticket, as bob would read it from his mailbox. */
  async function ticketCode(client: ApiClient, email = 'bob@example.com'): Promise<string> {
    expect((await client.post(paths.ticketEmailCode.href)).status).toBe(200);
    return latestEmailCode(api.server, email);
  }

  async function fileBugReport(client: ApiClient, input: Partial<CreateTicketRequest> = {}) {
    return created(await client.post(paths.tickets.href, { ...BUG_REPORT, ...input }));
  }

  async function ticketCount(): Promise<number> {
    return api.server.run((state) => state.tickets.length);
  }

  async function bobIsBound(): Promise<boolean> {
    return api.server.run((state) => findAccountByEmail(state, 'bob@example.com')?.mfa !== null);
  }

  /** Binds MFA for an account straight in the core, with bob's published secret. */
  async function bindMfa(email: string): Promise<void> {
    await api.server.run((state) => {
      const account = findAccountByEmail(state, email);
      if (account)
        account.mfa = {
          secret: BOB_TOTP_SECRET,
          boundAt: 0,
          lastUsedStep: 0,
          recoveryCodes: [],
        };
    });
  }

  /** Alice logged in, then with MFA bound: an active session that may file Unbind MFA. */
  async function boundAlice(): Promise<ApiClient> {
    const alice = await api.signedIn('alice@example.com');
    await bindMfa('alice@example.com');
    return alice;
  }

  /** Carol with MFA bound and logged in, so she can use Secure Workspace. */
  async function activeCarol(): Promise<ApiClient> {
    await bindMfa('carol@example.com');
    const carol = await api.signedIn('carol@example.com');
    const verified = await carol.post(paths.sessionMfa.href, {
      code: totpAt(BOB_TOTP_SECRET, api.time.now),
    });
    expect(verified.status).toBe(200);
    return carol;
  }

  return {
    pendingBob,
    ticketCode,
    fileBugReport,
    ticketCount,
    bobIsBound,
    bindMfa,
    boundAlice,
    activeCarol,
  };
}
