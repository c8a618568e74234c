import type { TicketEvent } from '@/api/schemas/tickets';
import type { DomainContext } from './context';
import { randomId } from './encoding';
import type { AccountRecord, TicketRecord } from './state';

/** Records something that happened to a ticket, shown between its messages (TICKET-6). */
export function addTicketEvent(
  ctx: DomainContext,
  ticket: TicketRecord,
  event: TicketEvent,
  at = ctx.now,
): void {
  ticket.entries.push({ kind: 'event', id: randomId(ctx.randomBytes, 'tev'), event, at });
}

export function addTicketMessage(
  ctx: DomainContext,
  ticket: TicketRecord,
  author: AccountRecord,
  role: 'requester' | 'agent',
  body: string,
  attachmentIds: string[],
): void {
  ticket.entries.push({
    kind: 'message',
    id: randomId(ctx.randomBytes, 'tmsg'),
    authorId: author.id,
    role,
    body,
    at: ctx.now,
    attachmentIds,
  });
}
