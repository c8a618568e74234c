import { accountById } from './accounts';
import type { DomainContext } from './context';
import { DomainError } from './errors';
import { requireActive } from './sessions';
import type { AccountRecord, ServerState, SessionRecord, TicketRecord } from './state';
import { settleTickets } from './ticket-clock';
import { requireWorkspaceAccess } from './workspaces';

export function ticketById(state: ServerState, ticketId: string): TicketRecord {
  const ticket = state.tickets.find((candidate) => candidate.id === ticketId);
  if (!ticket) throw new DomainError('NOT_FOUND');
  return ticket;
}

/**
 * LOGIN-5: a session that still owes its MFA code may send the ticket email
 * code, upload attachments and submit an Unbind MFA ticket, nothing more. A
 * session owing a binding gets nothing (it has no MFA to unbind).
 */
export function requireTicketSubmitter(session: SessionRecord): 'login' | 'console' {
  if (session.state === 'mfa_setup_required') throw new DomainError('MFA_SETUP_REQUIRED');
  return session.state === 'mfa_required' ? 'login' : 'console';
}

/**
 * TICKET-7 / TICKET-11: customer service, and only with MFA bound: an agent
 * can strip a member's MFA, so the console is held to more than a member's
 * pages. An agent without it is refused until they bind (the session stays as
 * it is, GUARD-2).
 */
export function requireAgent(state: ServerState, session: SessionRecord): AccountRecord {
  requireActive(session);
  const account = accountById(state, session.accountId);
  if (account.kind !== 'agent') throw new DomainError('FORBIDDEN');
  if (account.mfa === null) throw new DomainError('MFA_SETUP_REQUIRED');
  return account;
}

/**
 * TICKET-10: an Unbind MFA ticket carries identity documents, so it is private
 * to its requester (and customer service): colleagues neither list nor open it.
 */
export function visibleToColleagues(ticket: TicketRecord): boolean {
  return ticket.type !== 'unbind_mfa';
}

/**
 * The ticket a session may read: its own, or one of a workspace it may use
 * (TICKET-1) that is not private (TICKET-10). Anything else answers as if it
 * did not exist.
 */
export function readTicket(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  ticketId: string,
): { ticket: TicketRecord; own: boolean } {
  settleTickets(state, ctx);
  requireActive(session);
  const ticket = ticketById(state, ticketId);
  if (ticket.requesterId === session.accountId) return { ticket, own: true };
  if (ticket.workspaceId === null || !visibleToColleagues(ticket)) {
    throw new DomainError('NOT_FOUND');
  }
  requireWorkspaceAccess(state, ctx, session, ticket.workspaceId);
  return { ticket, own: false };
}

/** The ticket only its requester acts on; a colleague who may read it is refused. */
export function ownTicket(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  ticketId: string,
): TicketRecord {
  const { ticket, own } = readTicket(state, ctx, session, ticketId);
  if (!own) throw new DomainError('FORBIDDEN');
  return ticket;
}

/** TICKET-7: any ticket, for an agent to read, their own included. */
export function ticketForAgent(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  ticketId: string,
): { agent: AccountRecord; ticket: TicketRecord } {
  settleTickets(state, ctx);
  const agent = requireAgent(state, session);
  return { agent, ticket: ticketById(state, ticketId) };
}

/** TICKET-9: an agent may process any ticket but one they submitted. */
export function processableTicket(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  ticketId: string,
): { agent: AccountRecord; ticket: TicketRecord } {
  const found = ticketForAgent(state, ctx, session, ticketId);
  if (found.ticket.requesterId === found.agent.id) throw new DomainError('FORBIDDEN');
  return found;
}
