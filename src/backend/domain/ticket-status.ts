import type { TicketAction, TicketStatus } from '@/api/schemas/tickets';
import { accountById } from './accounts';
import { DomainError } from './errors';
import { TICKET_AUTO_CLOSE_MS } from './limits';
import type { ServerState, TicketRecord } from './state';

/** Everything that moves a ticket from one status to another (TICKET-5). */
export type TicketTransition =
  | 'cancel'
  | 'restart'
  | 'reply'
  | 'close'
  | 'accept'
  | 'agent_reply'
  | 'agent_close'
  | 'unbind_mfa'
  | 'auto_close';

/**
 * TICKET-5 as data: for each transition, the statuses it may start from and
 * where it leads. Anything not listed is refused.
 */
export const TICKET_TRANSITIONS: Record<
  TicketTransition,
  Partial<Record<TicketStatus, TicketStatus>>
> = {
  // The requester: cancel a ticket nobody has picked up, restart it, add to it, close it.
  cancel: { waiting_assignment: 'canceled' },
  restart: { canceled: 'waiting_assignment' },
  reply: {
    waiting_assignment: 'waiting_assignment',
    waiting_feedback: 'waiting_feedback',
    feedback_provided: 'waiting_feedback',
  },
  // Closing is the requester's own call while customer service holds the ticket, before
  // or after its answer; a reply of theirs must not take the choice away (issue 23).
  close: { waiting_feedback: 'closed', feedback_provided: 'closed' },
  // Customer service: accept, answer, close what they accepted.
  accept: { waiting_assignment: 'waiting_feedback' },
  agent_reply: { waiting_feedback: 'feedback_provided', feedback_provided: 'feedback_provided' },
  agent_close: { waiting_feedback: 'closed', feedback_provided: 'closed' },
  unbind_mfa: { waiting_feedback: 'feedback_provided', feedback_provided: 'feedback_provided' },
  // The clock: feedback nobody answered for TICKET_AUTO_CLOSE_MS.
  auto_close: { feedback_provided: 'closed' },
};

/** Where a transition leads from a status; null when it is not allowed from there. */
export function nextStatus(
  status: TicketStatus,
  transition: TicketTransition,
): TicketStatus | null {
  return TICKET_TRANSITIONS[transition][status] ?? null;
}

/** Applies a transition, or refuses it when the ticket's status does not allow it. */
export function moveTicket(ticket: TicketRecord, transition: TicketTransition, at: number): void {
  const next = nextStatus(ticket.status, transition);
  if (next === null) throw new DomainError('TICKET_STATUS_CONFLICT');
  ticket.status = next;
  ticket.updatedAt = at;
}

/** When a ticket in Feedback Provided closes by itself; null for any other status. */
export function autoCloseAt(ticket: TicketRecord): number | null {
  return ticket.status === 'feedback_provided' && ticket.feedbackAt !== null
    ? ticket.feedbackAt + TICKET_AUTO_CLOSE_MS
    : null;
}

/** TICKET-6: what the requester may do now; people who only read it may do nothing. */
export function requesterActions(ticket: TicketRecord): TicketAction[] {
  const actions: TicketAction[] = [];
  if (nextStatus(ticket.status, 'cancel')) actions.push('cancel');
  if (nextStatus(ticket.status, 'restart')) actions.push('restart');
  if (nextStatus(ticket.status, 'reply')) actions.push('reply');
  if (nextStatus(ticket.status, 'close')) actions.push('close');
  if (ticket.status === 'closed' && ticket.rating === null) actions.push('rate');
  return actions;
}

/** TICKET-7: what an agent may do now; nothing on their own ticket (TICKET-9). */
export function agentActions(
  state: ServerState,
  ticket: TicketRecord,
  agentId: string,
): TicketAction[] {
  if (ticket.requesterId === agentId) return [];
  const actions: TicketAction[] = [];
  if (nextStatus(ticket.status, 'accept')) actions.push('accept');
  if (nextStatus(ticket.status, 'agent_reply')) actions.push('reply');
  if (nextStatus(ticket.status, 'agent_close')) actions.push('close');
  const requester = accountById(state, ticket.requesterId);
  if (
    ticket.type === 'unbind_mfa' &&
    ticket.mfaUnboundAt === null &&
    requester.mfa !== null &&
    nextStatus(ticket.status, 'unbind_mfa')
  ) {
    actions.push('unbind_mfa');
  }
  return actions;
}
