import { describe, expect, it, vi } from 'vitest';
import { paths } from '@/api/paths';
import type { ServerState } from '@/backend/domain/state';
import type { EndpointPlan, RequestFacts } from '@/backend/handlers/load-plans';
import { MY_LIST, ONE_TICKET, QUEUE, WORKSPACE_LIST } from '@/backend/handlers/ticket-plans';
import { DEMO_PASSWORD } from '@/backend/seed';
import type { LoadPlan } from '@/backend/store/load-plan';
import { expectError, expectOk, setupMockApi } from '../support/api-client';
import { STEP_MS } from '../support/mfa';
import { mfaApiSteps } from '../support/mfa-api';

const api = setupMockApi();
const { bobCode, activeBob, mailboxCode } = mfaApiSteps(api);

/** The plans of the transactions `act` ran. */
async function plansOf(act: () => Promise<unknown>): Promise<LoadPlan[]> {
  const transact = vi.spyOn(api.server.store, 'transact');
  try {
    await act();
    return transact.mock.calls.map(([, plan]) => plan);
  } finally {
    transact.mockRestore();
  }
}

/** A plan that may read tickets: tickets whole, or stages that may pick them. */
const loadsTickets = (plan: LoadPlan) =>
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
    expect(plans.every((plan) => !(plan.whole ?? []).includes('audit'))).toBe(true);
  });

  it("reads the workspace members' security keys for the posture by the accountId index only", async () => {
    const owner = await api.signedIn('owner@example.com');
    const plans = await plansOf(async () => {
      expectOk(await owner.get(paths.workspaceMfaPosture.href('ws_demo')));
    });
    expect(plans.some((plan) => (plan.whole ?? []).includes('securityKeys'))).toBe(false);
    // The stages, given the workspace's memberships as the first stage loads them.
    const memberships = ['acc_owner', 'acc_alice', 'acc_bob'].map((accountId) => ({
      accountId,
      workspaceId: 'ws_demo',
      role: 'member',
    }));
    const view = new Proxy({ memberships } as unknown as ServerState, {
      get: (target, name) => (name in target ? target[name as keyof ServerState] : []),
    });
    const picks = plans
      .flatMap((plan) => plan.stages ?? [])
      .flatMap((stage) => stage(view))
      .filter((pick) => pick.from === 'securityKeys');
    expect(picks).toEqual(
      ['acc_owner', 'acc_alice', 'acc_bob'].map((accountId) => ({
        from: 'securityKeys',
        index: 'accountId',
        range: { only: accountId },
      })),
    );
  });
});

/**
 * A plan that picks too little is not refused: the rules find nothing and go
 * on. These are the picks whose miss would change an answer (ADR 0024).
 */
describe('where the ticket plans name their people from (ADR 0017)', () => {
  /** A view with one loaded ticket, and what the plan's last stage picks for it. */
  function lastPicks(plan: EndpointPlan) {
    const view = {
      tickets: [{ id: 'tk_1', requesterId: 'acc_x', workspaceId: 'ws_demo', entries: [] }],
      accounts: [],
      workspaces: [],
    } as unknown as ServerState;
    const facts = {
      params: { ticketId: 'tk_1' },
      accountId: 'acc_owner',
    } as unknown as RequestFacts;
    return plan.stages?.at(-1)?.(view, facts) ?? [];
  }

  it("reads a list's requesters and workspaces from the frozen copies: a list changes none", () => {
    for (const plan of [WORKSPACE_LIST, MY_LIST, QUEUE]) {
      expect(lastPicks(plan)).toEqual([
        { from: 'accounts', keys: ['acc_x'], readOnly: true },
        { from: 'workspaces', keys: ['ws_demo'], readOnly: true },
      ]);
    }
  });

  it("reads one ticket's people to write: its processing may change the requester", () => {
    expect(lastPicks(ONE_TICKET)).toEqual([
      { from: 'accounts', keys: ['acc_x'] },
      { from: 'workspaces', keys: ['ws_demo'] },
    ]);
  });
});

describe('what the narrow plans must not miss', () => {
  it('no request loads a collection whole, but the dev tools', async () => {
    const alice = await api.signedIn('alice@example.com');
    const owner = await api.signedIn('owner@example.com');
    const plans = await plansOf(async () => {
      expectOk(await alice.get(paths.session.href));
      expectOk(await alice.get(paths.accountSessions.href));
      expectOk(await alice.get(paths.workspaceTickets.href('ws_demo')));
      expectOk(await owner.get(paths.workspaceMembers.href('ws_demo')));
      expectOk(await api.client().logIn('bob@example.com'));
    });
    expect(plans.flatMap((plan) => plan.whole ?? [])).toEqual([]);
  });

  it('a new bind code replaces the earlier one, which no longer verifies (MOCK-5)', async () => {
    const alice = await api.signedIn('alice@example.com');
    expectOk(await alice.post(paths.enrollmentEmailCode.href));
    const first = await mailboxCode('alice@example.com');
    api.time.advance(61_000);
    expectOk(await alice.post(paths.enrollmentEmailCode.href));
    const second = await mailboxCode('alice@example.com');
    expect(second).not.toBe(first);

    expectError(
      await alice.post(paths.enrollmentIdentity.href, { code: first }),
      'INVALID_EMAIL_CODE',
    );
    expectOk(await alice.post(paths.enrollmentIdentity.href, { code: second }), 204);
  });

  it("unbinding drops the wizard another of the account's sessions opened to change the app", async () => {
    const changing = await activeBob();
    api.time.advance(STEP_MS);
    const unbinding = await activeBob();
    api.time.advance(STEP_MS);
    expectOk(await changing.post(paths.changeAuthenticator.href, { code: bobCode() }), 204);
    api.time.advance(STEP_MS);
    expectOk(await unbinding.post(paths.unbindMfa.href, { code: bobCode() }));

    // Left open, it would hand out a secret to bind without the email step (BIND-1).
    expectError(await changing.post(paths.enrollmentSecret.href), 'ENROLLMENT_REQUIRED');
  });
});
