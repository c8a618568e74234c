import { describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import { auditListSchema } from '@/api/schemas/mfa';
import { sessionSchema } from '@/api/schemas/session';
import { mfaPolicySchema, workspaceSchema } from '@/api/schemas/workspace';
import { expectError, expectOk, setupMockApi } from '../support/api-client';
import { graceApiSteps } from '../support/grace-api';

const api = setupMockApi();
const { bind, boundOwner, switchOn } = graceApiSteps(api);

const iso = (epochMs: number) => new Date(epochMs).toISOString();

describe('a grace period for mandatory MFA (MANDATORY-5)', () => {
  it('lets an unbound member enter the workspace until the deadline, and says when it is', async () => {
    const owner = await boundOwner();
    const deadline = api.time.now + 3 * DAY_MS;

    const policy = await switchOn(owner, 3);

    expect(policy).toMatchObject({ mfaRequired: true, graceEndsAt: iso(deadline) });
    const alice = await api.signedIn('alice@example.com');
    const session = sessionSchema.parse((await alice.get(paths.session.href)).body);
    expect(session).toMatchObject({
      state: 'active',
      workspaces: [{ id: 'ws_demo', mfaRequired: true, mfaGraceEndsAt: iso(deadline) }],
    });
    const workspace = await alice.get(paths.workspace.href('ws_demo'));
    expectOk(workspace);
    expect(workspaceSchema.parse(workspace.body).mfaGraceEndsAt).toBe(iso(deadline));
    expectOk(await alice.get(paths.workspaceTickets.href('ws_demo')));
  });

  it('flips to enforcement at the exact deadline: 1 ms before is allowed, the deadline is not', async () => {
    const owner = await boundOwner();
    const deadline = api.time.now + DAY_MS;
    await switchOn(owner, 1);
    // Sessions live 2 h idle, so the member signs in shortly before the deadline.
    api.time.advance(DAY_MS - MINUTE_MS);
    const alice = await api.signedIn('alice@example.com');

    api.time.advance(MINUTE_MS - 1);
    expect(api.time.now).toBe(deadline - 1);
    expectOk(await alice.get(paths.workspace.href('ws_demo')));

    api.time.advance(1);
    expectError(await alice.get(paths.workspace.href('ws_demo')), 'MFA_SETUP_REQUIRED');
    expect(sessionSchema.parse((await alice.get(paths.session.href)).body)).toMatchObject({
      state: 'mfa_setup_required',
      workspace: { id: 'ws_demo' },
    });
  });

  it('makes a login at the deadline owe the binding, as enforcement without grace does', async () => {
    const owner = await boundOwner();
    await switchOn(owner, 2);
    api.time.advance(2 * DAY_MS);

    const alice = await api.signedIn('alice@example.com');

    expect(sessionSchema.parse((await alice.get(paths.session.href)).body).state).toBe(
      'mfa_setup_required',
    );
  });

  it('ends early when the Owner says so: enforced from that request on, and audited', async () => {
    const owner = await boundOwner();
    await switchOn(owner, 7);
    const alice = await api.signedIn('alice@example.com');
    expectOk(await alice.get(paths.workspace.href('ws_demo')));

    const ended = await owner.delete(paths.workspaceSecurityGrace.href('ws_demo'));

    expectOk(ended);
    expect(mfaPolicySchema.parse(ended.body)).toMatchObject({
      mfaRequired: true,
      graceEndsAt: null,
    });
    expectError(await alice.get(paths.workspace.href('ws_demo')), 'MFA_SETUP_REQUIRED');
    const log = auditListSchema.parse((await owner.get(paths.accountAudit.href)).body);
    expect(log.events.slice(0, 2).map(({ event, detail }) => ({ event, detail }))).toEqual([
      { event: 'workspace.mfa_grace_ended', detail: { workspace: 'Demo Workspace' } },
      {
        event: 'workspace.mfa_required_on',
        detail: { workspace: 'Demo Workspace', graceUntil: api.time.now + 7 * DAY_MS },
      },
    ]);
  });

  it('enforces at once without graceDays, as before', async () => {
    const owner = await boundOwner();
    const alice = await api.signedIn('alice@example.com');

    expect((await switchOn(owner)).graceEndsAt).toBeNull();

    expectError(await alice.get(paths.workspace.href('ws_demo')), 'MFA_SETUP_REQUIRED');
  });

  it('keeps the running deadline when switched on again, and drops it when switched off', async () => {
    const owner = await boundOwner();
    const deadline = api.time.now + 3 * DAY_MS;
    await switchOn(owner, 3);

    expect((await switchOn(owner, 10)).graceEndsAt).toBe(iso(deadline));

    const off = await owner.put(paths.workspaceSecurity.href('ws_demo'), { mfaRequired: false });
    expect(mfaPolicySchema.parse(off.body)).toMatchObject({
      mfaRequired: false,
      graceEndsAt: null,
    });
    const state = await api.server.run((s) =>
      structuredClone(s.workspaces.find((w) => w.id === 'ws_demo')),
    );
    expect(state?.mfaGraceUntil).toBeNull();
  });

  it('lets a member who binds during the grace period keep working after the deadline', async () => {
    const owner = await boundOwner();
    await switchOn(owner, 1);
    api.time.advance(DAY_MS - MINUTE_MS);
    const alice = await api.signedIn('alice@example.com');
    await bind(alice, 'alice@example.com');

    api.time.advance(MINUTE_MS);

    expectOk(await alice.get(paths.workspace.href('ws_demo')));
  });
});
