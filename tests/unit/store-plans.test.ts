import { describe, expect, it, vi } from 'vitest';
import { paths } from '@/api/paths';
import { DEMO_PASSWORD } from '@/backend/seed';
import type { LoadPlan } from '@/backend/store/load-plan';
import { expectOk, setupMockApi } from './support/api-client';

const api = setupMockApi();

/** The plans of the transactions `act` ran, EVERYTHING showing as undefined. */
async function plansOf(act: () => Promise<unknown>): Promise<(LoadPlan | undefined)[]> {
  const transact = vi.spyOn(api.server.store, 'transact');
  try {
    await act();
    return transact.mock.calls.map(([, plan]) => plan);
  } finally {
    transact.mockRestore();
  }
}

/** A plan that may read tickets: everything, tickets whole, or stages that may pick them. */
const loadsTickets = (plan: LoadPlan | undefined) =>
  plan === undefined ||
  (plan.whole ?? []).includes('tickets') ||
  ((plan.stages ?? []).length > 0 && (plan.pickFrom ?? ['tickets']).includes('tickets'));

describe('what the hot endpoints load (ADR 0017)', () => {
  it('reads the session without loading a ticket', async () => {
    const owner = await api.signedIn('owner@example.com');
    const plans = await plansOf(() => owner.get('/api/v1/session'));
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.filter(loadsTickets)).toEqual([]);
  });

  it('logs in without loading a ticket, the salt read before the hash included', async () => {
    const plans = await plansOf(() => api.client().logIn('owner@example.com'));
    expect(plans.length).toBeGreaterThanOrEqual(3);
    expect(plans.filter(loadsTickets)).toEqual([]);
  });

  it('lists and ends sessions, sets the retention time and changes the password without loading a ticket', async () => {
    const alice = await api.signedIn('alice@example.com');
    await api.signedIn('alice@example.com');
    const plans = await plansOf(async () => {
      expectOk(await alice.get(paths.accountSessions.href));
      expectOk(await alice.put(paths.accountRetention.href, { idleMinutes: 60, maxDays: 7 }));
      expectOk(await alice.delete(paths.accountSessions.href));
      expectOk(
        await alice.post(paths.accountPassword.href, {
          currentPassword: DEMO_PASSWORD,
          newPassword: 'Observability-2027',
        }),
        204,
      );
    });
    expect(plans.length).toBeGreaterThanOrEqual(6);
    expect(plans.filter(loadsTickets)).toEqual([]);
  });

  it("reads a page of the security log from the caller's own audit, by index, and no ticket", async () => {
    const alice = await api.signedIn('alice@example.com');
    const plans = await plansOf(async () => {
      expectOk(await alice.get(`${paths.accountAudit.href}?kind=sign_in&page=1&pageSize=20`));
    });
    expect(plans.filter(loadsTickets)).toEqual([]);
    expect(plans.every((plan) => plan !== undefined && !(plan.whole ?? []).includes('audit'))).toBe(
      true,
    );
  });
});
