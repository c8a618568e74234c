import type { CreateTicketRequest } from '@/api/schemas/tickets';
import type { DomainContext } from './context';
import { sha256Hex } from './encoding';
import { DomainError } from './errors';
import { IDEMPOTENCY_KEY_TTL_MS } from './limits';
import type { ServerState } from './state';

/** What a repeated creation must match to count as the same request. */
export function creationHashOf(input: CreateTicketRequest): string {
  // The email code is left out: it is spent by the first request and is nobody's business later.
  const { type, title, description, attachmentIds } = input;
  return sha256Hex(JSON.stringify({ type, title, description, attachmentIds }));
}

/**
 * The ticket an earlier creation with this key made, or null for a new key. The
 * same key with other content is refused rather than answered with the wrong ticket.
 */
export function replayedTicketId(
  state: ServerState,
  accountId: string,
  key: string,
  requestHash: string,
): string | null {
  const earlier = state.idempotencyKeys.find(
    (entry) => entry.accountId === accountId && entry.key === key,
  );
  if (!earlier) return null;
  if (earlier.requestHash !== requestHash) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
  return earlier.ticketId;
}

export function rememberCreation(
  state: ServerState,
  ctx: DomainContext,
  entry: { accountId: string; key: string; requestHash: string; ticketId: string },
): void {
  state.idempotencyKeys.push({ ...entry, expiresAt: ctx.now + IDEMPOTENCY_KEY_TTL_MS });
}

export function forgetExpiredCreations(state: ServerState, ctx: DomainContext): void {
  state.idempotencyKeys = state.idempotencyKeys.filter((entry) => ctx.now < entry.expiresAt);
}
