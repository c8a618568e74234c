/** URL paths of the HTTP contract, shared by the client and the mock backend. */
export const API = '/api/v1';
export const DEV_API = '/api/dev';

export const paths = {
  session: `${API}/session`,
  sessionWorkspace: `${API}/session/workspace`,
  sessionMfa: `${API}/session/mfa`,
  account: `${API}/account`,
  accountAudit: `${API}/account/audit`,
  unbindMfa: `${API}/account/mfa/unbind`,
  enrollment: `${API}/mfa/enrollment`,
  enrollmentEmailCode: `${API}/mfa/enrollment/email-code`,
  enrollmentIdentity: `${API}/mfa/enrollment/identity`,
  enrollmentSecret: `${API}/mfa/enrollment/secret`,
  enrollmentConfirm: `${API}/mfa/enrollment/confirm`,
  workspace: (id: string) => `${API}/workspaces/${encodeURIComponent(id)}`,
  workspaceMembers: (id: string) => `${API}/workspaces/${encodeURIComponent(id)}/members`,
  workspaceSecurity: (id: string) => `${API}/workspaces/${encodeURIComponent(id)}/security`,
  devMailbox: `${DEV_API}/mailbox`,
  devAuthenticator: `${DEV_API}/authenticator`,
  devStatus: `${DEV_API}/status`,
  devSettings: `${DEV_API}/settings`,
  devNotice: `${DEV_API}/notice`,
  devReset: `${DEV_API}/reset`,
} as const;
