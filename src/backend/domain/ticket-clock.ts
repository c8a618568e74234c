import type { DomainContext } from './context';
import type { ServerState } from './state';
import { addTicketEvent } from './ticket-conversation';
import { forgetExpiredCreations } from './ticket-idempotency';
import { notifyRequester } from './ticket-notifications';
import { autoCloseAt, moveTicket } from './ticket-status';

/**
 * Brings the tickets up to the server's clock: Feedback Provided closes by
 * itself after TICKET_AUTO_CLOSE_MS, at the moment it fell due. Run lazily at
 * the start of every ticket transaction, so no timer has to be running.
 */
export function settleTickets(state: ServerState, ctx: DomainContext): void {
  for (const ticket of state.tickets) {
    const due = autoCloseAt(ticket);
    if (due === null || ctx.now < due) continue;
    moveTicket(ticket, 'auto_close', due);
    ticket.closedAt = due;
    addTicketEvent(ctx, ticket, 'closed_automatically', due);
    notifyRequester(state, ctx, ticket, { kind: 'closed_automatically' });
  }
  forgetExpiredCreations(state, ctx);
}
