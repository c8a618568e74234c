/** URL paths of the HTTP contract, shared by the client and the mock backend. */
export const API = '/api/v1';
export const DEV_API = '/api/dev';

export const paths = {
  session: `${API}/session`,
  sessionWorkspace: `${API}/session/workspace`,
  account: `${API}/account`,
  workspace: (id: string) => `${API}/workspaces/${encodeURIComponent(id)}`,
  workspaceMembers: (id: string) => `${API}/workspaces/${encodeURIComponent(id)}/members`,
  devMailbox: `${DEV_API}/mailbox`,
  devStatus: `${DEV_API}/status`,
  devSettings: `${DEV_API}/settings`,
  devNotice: `${DEV_API}/notice`,
  devReset: `${DEV_API}/reset`,
} as const;
