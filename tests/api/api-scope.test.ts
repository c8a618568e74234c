import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import { sessionSchema } from '@/api/schemas/session';
import { memberListSchema, workspaceSchema } from '@/api/schemas/workspace';
import { activeAgent } from '../support/agent-api';
import {
  type ApiClient,
  type ApiResponse,
  expectError,
  expectOk,
  setupMockApi,
} from '../support/api-client';

const api = setupMockApi();

/** Every endpoint beyond the login steps that exists so far. */
const GUARDED_ENDPOINTS: ReadonlyArray<
  readonly [label: string, call: (client: ApiClient) => Promise<ApiResponse>]
> = [
  ['GET /account', (client) => client.get(paths.account.href)],
  ['GET /workspaces/ws_demo', (client) => client.get(paths.workspace.href('ws_demo'))],
  [
    'GET /workspaces/ws_demo/members',
    (client) => client.get(paths.workspaceMembers.href('ws_demo')),
  ],
  ['GET /workspaces/ws_secure', (client) => client.get(paths.workspace.href('ws_secure'))],
  [
    'GET /workspaces/ws_secure/members',
    (client) => client.get(paths.workspaceMembers.href('ws_secure')),
  ],
  [
    'PUT /session/workspace',
    (client) => client.put(paths.sessionWorkspace.href, { workspaceId: 'ws_demo' }),
  ],
];

describe.each(GUARDED_ENDPOINTS)('%s (LOGIN-5)', (_label, call) => {
  it('answers 401 UNAUTHENTICATED without a cookie', async () => {
    expectError(await call(api.client()), 'UNAUTHENTICATED');
  });

  it('answers 401 UNAUTHENTICATED for a cookie the server never issued', async () => {
    const client = api.client();
    client.cookie = 'forged-token';

    expectError(await call(client), 'UNAUTHENTICATED');
  });

  it('answers 403 MFA_REQUIRED while the MFA code is owed', async () => {
    const bob = await api.signedIn('bob@example.com');

    expectError(await call(bob), 'MFA_REQUIRED');
    expect((await bob.get(paths.session.href)).body).toMatchObject({ state: 'mfa_required' });
  });

  it('answers 403 MFA_SETUP_REQUIRED while a forced bind is owed', async () => {
    const carol = await api.signedIn('carol@example.com');

    expectError(await call(carol), 'MFA_SETUP_REQUIRED');
    expect((await carol.get(paths.session.href)).body).toMatchObject({
      state: 'mfa_setup_required',
    });
  });

  it('answers 401 SESSION_EXPIRED for an active session idle for 30 minutes', async () => {
    const owner = await api.signedIn('owner@example.com');
    api.time.advance(30 * MINUTE_MS);

    expectError(await call(owner), 'SESSION_EXPIRED');
  });

  it('answers 401 SESSION_EXPIRED for a pending session after 10 minutes', async () => {
    const bob = await api.signedIn('bob@example.com');
    api.time.advance(10 * MINUTE_MS);

    expectError(await call(bob), 'SESSION_EXPIRED');
  });
});

describe('workspace access', () => {
  it('shows a member their workspace', async () => {
    const alice = await api.signedIn('alice@example.com');

    const response = await alice.get(paths.workspace.href('ws_demo'));

    expect(response.status).toBe(200);
    expect(workspaceSchema.parse(response.body)).toEqual({
      id: 'ws_demo',
      name: 'Demo Workspace',
      role: 'member',
      mfaRequired: false,
      mfaGraceEndsAt: null,
      memberCount: 3,
      ownerEmail: 'owner@example.com',
    });
  });

  it('lists the members with their MFA status for the owner (MANDATORY-4)', async () => {
    const owner = await api.signedIn('owner@example.com');

    const response = await owner.get(paths.workspaceMembers.href('ws_demo'));

    expect(response.status).toBe(200);
    const { members } = memberListSchema.parse(response.body);
    expect(
      members
        .map(({ email, role, mfaBound }) => ({ email, role, mfaBound }))
        .sort((a, b) => a.email.localeCompare(b.email)),
    ).toEqual([
      { email: 'alice@example.com', role: 'member', mfaBound: false },
      { email: 'bob@example.com', role: 'member', mfaBound: true },
      { email: 'owner@example.com', role: 'owner', mfaBound: false },
    ]);
    expect(JSON.stringify(response.body)).not.toMatch(/secret|password|JBSWY3DP/i);
  });

  it('refuses the members list to a member who is not the owner with 403 FORBIDDEN', async () => {
    const alice = await api.signedIn('alice@example.com');

    expectError(await alice.get(paths.workspaceMembers.href('ws_demo')), 'FORBIDDEN');
  });

  it('answers 404 NOT_FOUND for a workspace the user is not in, as for one that does not exist', async () => {
    const alice = await api.signedIn('alice@example.com');

    const notMine = await alice.get(paths.workspace.href('ws_secure'));
    const missing = await alice.get(paths.workspace.href('ws_nowhere'));

    expectError(notMine, 'NOT_FOUND');
    expect(missing.body).toEqual(notMine.body);
    expectError(await alice.get(paths.workspaceMembers.href('ws_secure')), 'NOT_FOUND');
    expectError(
      await alice.put(paths.sessionWorkspace.href, { workspaceId: 'ws_secure' }),
      'NOT_FOUND',
    );
  });

  it('answers 404 to an agent, who has no workspace', async () => {
    const support = await activeAgent(api);

    expectError(await support.get(paths.workspace.href('ws_demo')), 'NOT_FOUND');
  });
});

describe('mandatory MFA at the API (MANDATORY-3)', () => {
  it('answers an unbound owner switching to ws_secure with a session that owes the binding', async () => {
    const owner = await api.signedIn('owner@example.com');

    const switched = await owner.put(paths.sessionWorkspace.href, { workspaceId: 'ws_secure' });

    expect(switched.status).toBe(200);
    expect(switched.headers.get('Cache-Control')).toBe('no-store');
    expect(sessionSchema.parse(switched.body)).toMatchObject({
      state: 'mfa_setup_required',
      workspace: { id: 'ws_secure', name: 'Secure Workspace' },
    });
    // Nothing else is reachable before the binding (LOGIN-4), not even the other workspace.
    expectError(await owner.get(paths.workspace.href('ws_secure')), 'MFA_SETUP_REQUIRED');
    expectError(await owner.get(paths.workspaceMembers.href('ws_secure')), 'MFA_SETUP_REQUIRED');
    expectError(await owner.get(paths.workspace.href('ws_demo')), 'MFA_SETUP_REQUIRED');
    expectError(await owner.get(paths.account.href), 'MFA_SETUP_REQUIRED');
  });

  it('refuses a read of ws_secure to an unbound owner without changing the session (GUARD-2)', async () => {
    const owner = await api.signedIn('owner@example.com');
    const before = sessionSchema.parse((await owner.get(paths.session.href)).body);

    expectError(await owner.get(paths.workspace.href('ws_secure')), 'MFA_SETUP_REQUIRED');
    expectError(await owner.get(paths.workspaceMembers.href('ws_secure')), 'MFA_SETUP_REQUIRED');
    expectError(await owner.get(paths.workspaceSecurity.href('ws_secure')), 'MFA_SETUP_REQUIRED');

    expect(sessionSchema.parse((await owner.get(paths.session.href)).body)).toEqual(before);
    expect(before).toMatchObject({ state: 'active', currentWorkspaceId: 'ws_demo' });
    expectOk(await owner.get(paths.workspace.href('ws_demo')));
  });

  it('enters ws_secure on an action there, so the session then owes the binding', async () => {
    const owner = await api.signedIn('owner@example.com');

    expectError(
      await owner.put(paths.workspaceSecurity.href('ws_secure'), { mfaRequired: false }),
      'MFA_SETUP_REQUIRED',
    );

    expect(sessionSchema.parse((await owner.get(paths.session.href)).body)).toMatchObject({
      state: 'mfa_setup_required',
      workspace: { id: 'ws_secure' },
    });
  });

  it('lands the next login of that owner in the workspace they may enter', async () => {
    const owner = await api.signedIn('owner@example.com');
    await owner.put(paths.sessionWorkspace.href, { workspaceId: 'ws_secure' });

    const next = await api.client().logIn('owner@example.com');

    expect(next.body).toMatchObject({ state: 'active', currentWorkspaceId: 'ws_demo' });
  });

  it('applies a policy switched on to sessions already open, and lifts it when off (MANDATORY-2)', async () => {
    const alice = await api.signedIn('alice@example.com');
    const setPolicy = (mfaRequired: boolean) =>
      api.server.run((state) => {
        const workspace = state.workspaces.find((candidate) => candidate.id === 'ws_demo');
        if (workspace) workspace.mfaRequired = mfaRequired;
      });

    await setPolicy(true);
    expectError(await alice.get(paths.workspace.href('ws_demo')), 'MFA_SETUP_REQUIRED');
    expect(sessionSchema.parse((await alice.get(paths.session.href)).body).state).toBe(
      'mfa_setup_required',
    );

    await setPolicy(false);
    expect((await alice.get(paths.workspace.href('ws_demo'))).status).toBe(200);
    expect(sessionSchema.parse((await alice.get(paths.session.href)).body).state).toBe('active');
  });
});
