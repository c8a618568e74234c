import { TICKET_PAGE_SIZE_DEFAULT, type TicketListQuery } from '@/api/schemas/tickets';
import { workspaceById } from './accounts';
import type { DomainContext } from './context';
import { requireActive } from './sessions';
import type { ServerState, SessionRecord, TicketRecord } from './state';
import { requireAgent, visibleToColleagues } from './ticket-access';
import { settleTickets } from './ticket-clock';
import type { WorkspaceAccess } from './workspaces';

export interface TicketPageResult {
  tickets: TicketRecord[];
  total: number;
  page: number;
  pageSize: number;
}

function matches(ticket: TicketRecord, query: TicketListQuery): boolean {
  if (query.type && ticket.type !== query.type) return false;
  if (query.status && ticket.status !== query.status) return false;
  const search = query.q?.trim().toLowerCase();
  if (!search) return true;
  return (
    ticket.number.toLowerCase().includes(search) || ticket.title.toLowerCase().includes(search)
  );
}

/** Newest first; the number breaks ties, as it only ever grows. */
function newestFirst(a: TicketRecord, b: TicketRecord): number {
  return b.createdAt - a.createdAt || b.number.localeCompare(a.number);
}

/** TICKET-1: filter, search and one page, done by the server so a long list stays fast. */
export function filterTickets(tickets: TicketRecord[], query: TicketListQuery): TicketRecord[] {
  return tickets.filter((ticket) => matches(ticket, query)).sort(newestFirst);
}

export function pageOf(tickets: TicketRecord[], query: TicketListQuery): TicketPageResult {
  const filtered = filterTickets(tickets, query);
  const pageSize = query.pageSize ?? TICKET_PAGE_SIZE_DEFAULT;
  const page = query.page ?? 1;
  return {
    tickets: filtered.slice((page - 1) * pageSize, page * pageSize),
    total: filtered.length,
    page,
    pageSize,
  };
}

/**
 * All Tickets: those of a workspace the session passed the gate of (TICKET-1,
 * MANDATORY-3), less colleagues' private ones (TICKET-10).
 */
export function workspaceTickets(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  access: WorkspaceAccess,
): TicketRecord[] {
  settleTickets(state, ctx);
  return state.tickets.filter(
    (ticket) =>
      ticket.workspaceId === access.workspace.id &&
      (ticket.requesterId === session.accountId || visibleToColleagues(ticket)),
  );
}

/** My Tickets: the session's own, across workspaces (TICKET-1). */
export function myTickets(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
): TicketRecord[] {
  settleTickets(state, ctx);
  requireActive(session);
  return state.tickets.filter((ticket) => ticket.requesterId === session.accountId);
}

/** TICKET-7: the customer-service queue, every workspace's tickets. */
export function supportQueue(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
): TicketRecord[] {
  settleTickets(state, ctx);
  requireAgent(state, session);
  return state.tickets;
}

export function workspaceNameOf(state: ServerState, ticket: TicketRecord): string | null {
  return ticket.workspaceId === null
    ? null
    : (workspaceById(state, ticket.workspaceId)?.name ?? null);
}
