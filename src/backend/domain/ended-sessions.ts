import type { SessionEndCause } from '@/api/session-end-causes';
import type { DomainContext } from './context';
import { DomainError } from './errors';
import type { ServerState, SessionRecord } from './state';

/**
 * Remembers sessions ended from elsewhere by their token's hash, so the tab
 * still holding one is told why on its next request instead of meeting a
 * bare login page (SESSION-1).
 */
export function rememberEnded(
  state: ServerState,
  ctx: DomainContext,
  sessions: readonly SessionRecord[],
  endedBy: SessionEndCause,
): void {
  for (const session of sessions) {
    state.endedSessions.push({
      tokenHash: session.tokenHash,
      accountId: session.accountId,
      endedBy,
      endedAt: ctx.now,
      expiresAt: session.expiresAt,
    });
  }
}

/** Why the session a token named was ended from elsewhere; null when it was not, or would have expired by now. */
export function endedCauseOf(
  state: ServerState,
  ctx: DomainContext,
  tokenHash: string,
): SessionEndCause | null {
  const ended = state.endedSessions.find((record) => record.tokenHash === tokenHash);
  return ended && ctx.now < ended.expiresAt ? ended.endedBy : null;
}

/** The refusal for a token whose session is gone: why, when it was ended from elsewhere. */
export function goneSessionError(
  state: ServerState,
  ctx: DomainContext,
  tokenHash: string,
): DomainError {
  const endedBy = endedCauseOf(state, ctx, tokenHash);
  return endedBy === null
    ? new DomainError('UNAUTHENTICATED')
    : new DomainError('SESSION_ENDED', { endedBy });
}
