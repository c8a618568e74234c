import type { DomainContext } from './context';
import { base64Url } from './encoding';
import { KEY_CHALLENGE_BYTES, KEY_CHALLENGE_TTL_MS } from './limits';
import type { KeyChallengePurpose, ServerState, SessionRecord } from './state';

/**
 * KEY-3: a new challenge for one ceremony of this session. A session holds at
 * most one open challenge per purpose: asking again replaces it, and its
 * expired ones go with it.
 */
export function issueKeyChallenge(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  purpose: KeyChallengePurpose,
): string {
  state.keyChallenges = state.keyChallenges.filter(
    (open) =>
      open.sessionId !== session.id || (open.purpose !== purpose && open.expiresAt > ctx.now),
  );
  const challenge = base64Url(ctx.randomBytes(KEY_CHALLENGE_BYTES));
  state.keyChallenges.push({
    challenge,
    sessionId: session.id,
    accountId: session.accountId,
    purpose,
    expiresAt: ctx.now + KEY_CHALLENGE_TTL_MS,
  });
  return challenge;
}

/**
 * KEY-3: whether `challenge` is one this session was issued for `purpose` and
 * that has not expired. A challenge of the session is used up by being
 * presented, answered or not, so it never answers twice; another session's
 * is left alone.
 */
export function redeemKeyChallenge(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  challenge: string | null,
  purpose: KeyChallengePurpose,
): boolean {
  const open = state.keyChallenges.find((record) => record.challenge === challenge);
  if (!open || open.sessionId !== session.id) return false;
  state.keyChallenges = state.keyChallenges.filter((record) => record !== open);
  return open.purpose === purpose && ctx.now < open.expiresAt;
}
