import type { TestBackend } from './everything-by-default';

/**
 * The whole stored state as JSON, for byte-for-byte comparisons. The only fields
 * blanked are the ones any authenticated request may move without anything
 * having happened: an active session's sliding idle expiry (`lastSeenAt`,
 * `expiresAt`). Everything else, a session's state included, is compared.
 */
export function comparableState(server: TestBackend): Promise<string> {
  return server.run((state) =>
    JSON.stringify({
      ...state,
      sessions: state.sessions.map((session) => ({ ...session, lastSeenAt: 0, expiresAt: 0 })),
    }),
  );
}
