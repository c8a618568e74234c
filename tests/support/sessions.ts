import type { Session } from '@/api/schemas/session';

/** Sessions as the API answers them, for the app's pure decisions (the guard, the login's steps). */
export const codeOwed: Extract<Session, { state: 'mfa_required' }> = {
  state: 'mfa_required',
  email: 'bob@example.com',
  expiresAt: '2026-03-02T09:10:00Z',
  hasSecurityKey: false,
};

export const bindOwed: Session = {
  state: 'mfa_setup_required',
  email: 'carol@example.com',
  expiresAt: '2026-03-02T09:10:00Z',
  workspace: { id: 'ws_secure', name: 'Secure Workspace' },
};

/** Alice, signed in, in the workspaces given (none by default). */
export function aliceActive(
  workspaces: Extract<Session, { state: 'active' }>['workspaces'] = [],
): Session {
  return {
    state: 'active',
    user: {
      id: 'acc_alice',
      email: 'alice@example.com',
      name: 'Alice Chen',
      kind: 'member',
      mfaBound: false,
      recoveryCodesLeft: null,
    },
    workspaces,
    currentWorkspaceId: workspaces[0]?.id ?? null,
  };
}
