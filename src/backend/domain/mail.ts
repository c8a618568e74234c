import type { DomainContext } from './context';
import { randomId } from './encoding';
import { OUTBOX_MAX_MESSAGES } from './limits';
import type { ServerState } from './state';

export function sendEmail(
  state: ServerState,
  ctx: DomainContext,
  message: { to: string; subject: string; body: string },
): void {
  state.outbox.push({ id: randomId(ctx.randomBytes, 'mail'), sentAt: ctx.now, ...message });
  if (state.outbox.length > OUTBOX_MAX_MESSAGES)
    state.outbox.splice(0, state.outbox.length - OUTBOX_MAX_MESSAGES);
}

/** A moment as every email writes it, in UTC to the minute: the reader's zone is unknown. */
export function formatTimeForEmail(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
