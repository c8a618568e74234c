import { describe, expect, it } from 'vitest';
import { DAY_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import { mfaPolicySchema } from '@/api/schemas/workspace';
import { expectError, expectOk, setupMockApi } from '../support/api-client';
import { graceApiSteps } from '../support/grace-api';

const api = setupMockApi();
const { boundOwner, switchOn } = graceApiSteps(api);

/** What the refusals below must leave as it was: the workspace and the owner's log. */
async function policyState() {
  return api.server.run((state) => ({
    workspace: structuredClone(state.workspaces.find((w) => w.id === 'ws_demo')),
    audit: state.audit.length,
  }));
}

describe('PUT /api/v1/workspaces/:id/security with a bad grace period (MANDATORY-5)', () => {
  it.each<[string, unknown, string]>([
    ['0 days', 0, 'too_small'],
    ['15 days', 15, 'too_big'],
    ['a fraction of a day', 1.5, 'invalid_type'],
    ['a string', '3', 'invalid_type'],
    ['an empty string', '', 'invalid_type'],
    ['null', null, 'invalid_type'],
    ['a negative number', -3, 'too_small'],
    ['a huge number', 1e308, 'too_big'],
  ])('refuses %s with 400 and changes nothing', async (_label, graceDays, fieldError) => {
    const owner = await boundOwner();
    const before = await policyState();

    const response = await owner.put(paths.workspaceSecurity.href('ws_demo'), {
      mfaRequired: true,
      graceDays,
    });

    const error = expectError(response, 'VALIDATION_FAILED');
    expect(error.fieldErrors?.graceDays).toBe(fieldError);
    expect(await policyState()).toEqual(before);
  });

  it('refuses graceDays with switching off', async () => {
    const owner = await boundOwner();
    await switchOn(owner, 3);
    const before = await policyState();

    const response = await owner.put(paths.workspaceSecurity.href('ws_demo'), {
      mfaRequired: false,
      graceDays: 3,
    });

    expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual({ graceDays: 'custom' });
    expect(await policyState()).toEqual(before);
  });

  it('takes 1 and 14 days, the ends of the range', async () => {
    const owner = await boundOwner();
    const start = api.time.now;
    const on = await owner.put(paths.workspaceSecurity.href('ws_demo'), {
      mfaRequired: true,
      graceDays: 14,
    });
    expect(mfaPolicySchema.parse(on.body).graceEndsAt).toBe(
      new Date(start + 14 * DAY_MS).toISOString(),
    );
    expectOk(await owner.put(paths.workspaceSecurity.href('ws_demo'), { mfaRequired: false }));

    const one = await owner.put(paths.workspaceSecurity.href('ws_demo'), {
      mfaRequired: true,
      graceDays: 1,
    });

    expect(mfaPolicySchema.parse(one.body).graceEndsAt).toBe(
      new Date(start + DAY_MS).toISOString(),
    );
  });

  it('refuses a member who is not the Owner, with or without a grace period', async () => {
    const alice = await api.signedIn('alice@example.com');
    const before = await policyState();

    expectError(
      await alice.put(paths.workspaceSecurity.href('ws_demo'), { mfaRequired: true, graceDays: 3 }),
      'FORBIDDEN',
    );
    expect(await policyState()).toEqual(before);
  });
});

describe('DELETE /api/v1/workspaces/:id/security/grace when it cannot end (MANDATORY-5)', () => {
  it('answers 409 GRACE_PERIOD_NOT_ACTIVE while mandatory MFA is off', async () => {
    const owner = await boundOwner();
    const before = await policyState();

    expectError(
      await owner.delete(paths.workspaceSecurityGrace.href('ws_demo')),
      'GRACE_PERIOD_NOT_ACTIVE',
    );
    expect(await policyState()).toEqual(before);
  });

  it('answers 409 when mandatory MFA was switched on without a grace period', async () => {
    const owner = await boundOwner();
    await switchOn(owner);

    expectError(
      await owner.delete(paths.workspaceSecurityGrace.href('ws_demo')),
      'GRACE_PERIOD_NOT_ACTIVE',
    );
  });

  it('answers 409 once the deadline has passed, and the second time it is ended', async () => {
    const owner = await boundOwner();
    await switchOn(owner, 1);
    expectOk(await owner.delete(paths.workspaceSecurityGrace.href('ws_demo')));

    expectError(
      await owner.delete(paths.workspaceSecurityGrace.href('ws_demo')),
      'GRACE_PERIOD_NOT_ACTIVE',
    );
  });

  it('answers 409 after the deadline', async () => {
    const owner = await boundOwner();
    await switchOn(owner, 1);
    // The owner's session would have expired by then; the deadline is moved instead.
    await api.server.run((state) => {
      const workspace = state.workspaces.find((w) => w.id === 'ws_demo');
      if (workspace) workspace.mfaGraceUntil = api.time.now;
    });

    expectError(
      await owner.delete(paths.workspaceSecurityGrace.href('ws_demo')),
      'GRACE_PERIOD_NOT_ACTIVE',
    );
  });

  it('refuses a member who is not the Owner with 403 and leaves the grace period running', async () => {
    const owner = await boundOwner();
    await switchOn(owner, 3);
    const alice = await api.signedIn('alice@example.com');
    const before = await policyState();

    expectError(await alice.delete(paths.workspaceSecurityGrace.href('ws_demo')), 'FORBIDDEN');
    expect(await policyState()).toEqual(before);
  });

  it('answers 404 for a workspace that does not exist', async () => {
    const owner = await boundOwner();

    expectError(await owner.delete(paths.workspaceSecurityGrace.href('ws_nope')), 'NOT_FOUND');
  });
});

describe('GET /api/v1/account/audit with a bad query (LOG-1)', () => {
  it.each<[string, string, Record<string, string>]>([
    ['page 0', '?page=0', { page: 'too_small' }],
    ['a negative page', '?page=-1', { page: 'invalid_type' }],
    ['a fractional page', '?page=1.5', { page: 'invalid_type' }],
    ['a page in words', '?page=two', { page: 'invalid_type' }],
    ['pageSize 0', '?pageSize=0', { pageSize: 'too_small' }],
    ['pageSize 101', '?pageSize=101', { pageSize: 'too_big' }],
    ['an unknown kind', '?kind=everything', { kind: 'invalid_value' }],
    ['an unknown parameter', '?limit=10', { limit: 'unrecognized_key' }],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_label, query, fieldErrors) => {
    const owner = await api.signedIn('owner@example.com');

    const response = await owner.get(`${paths.accountAudit.href}${query}`);

    expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual(fieldErrors);
  });

  it('answers a page past the end with no events and the total', async () => {
    const owner = await api.signedIn('owner@example.com');

    const response = await owner.get(`${paths.accountAudit.href}?page=9&pageSize=100`);

    expectOk(response);
    expect(response.body).toMatchObject({ events: [], total: 1, page: 9, pageSize: 100 });
  });
});
