import { describe, expect, it, vi } from 'vitest';
import type { LoadPlan } from '@/mocks/store/load-plan';
import { setupMockApi } from './support/api-client';

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
});
