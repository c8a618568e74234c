import { DAY_MS } from '@/api/limits';
import type {
  Attachment,
  SupportTicket,
  TicketAction,
  TicketDetail,
  TicketEntry,
  TicketExport,
  TicketListQuery,
  TicketPage,
  TicketSummary,
} from '@/api/schemas/tickets';
import { accountById } from './accounts';
import type { DomainContext } from './context';
import { REVIEW_WRONG_CODES_WINDOW_MS, TICKET_EXPORT_MAX_ROWS } from './limits';
import type { AccountRecord, AttachmentRecord, ServerState, TicketRecord } from './state';
import { filterTickets, pageOf, workspaceNameOf } from './ticket-queries';
import { agentActions, autoCloseAt, requesterActions } from './ticket-status';
import { iso } from './views';

/** Maps ticket records to the contract; the only place a ticket leaves the core. */
export function attachmentView(attachment: AttachmentRecord): Attachment {
  return {
    id: attachment.id,
    name: attachment.name,
    size: attachment.size,
    contentType: attachment.contentType,
    uploadedAt: iso(attachment.uploadedAt),
  };
}

export function ticketSummaryView(state: ServerState, ticket: TicketRecord): TicketSummary {
  const requester = accountById(state, ticket.requesterId);
  const workspaceName = workspaceNameOf(state, ticket);
  return {
    id: ticket.id,
    number: ticket.number,
    type: ticket.type,
    status: ticket.status,
    title: ticket.title,
    requester: { id: requester.id, name: requester.name, email: requester.email },
    workspace:
      ticket.workspaceId === null || workspaceName === null
        ? null
        : { id: ticket.workspaceId, name: workspaceName },
    createdAt: iso(ticket.createdAt),
    updatedAt: iso(ticket.updatedAt),
  };
}

function entryViews(state: ServerState, ticket: TicketRecord): TicketEntry[] {
  return ticket.entries.map((entry): TicketEntry => {
    if (entry.kind === 'event') {
      return { kind: 'event', id: entry.id, event: entry.event, at: iso(entry.at) };
    }
    return {
      kind: 'message',
      id: entry.id,
      author: { name: accountById(state, entry.authorId).name, role: entry.role },
      body: entry.body,
      at: iso(entry.at),
      attachments: entry.attachmentIds.flatMap((id) =>
        state.attachments.filter((attachment) => attachment.id === id).map(attachmentView),
      ),
    };
  });
}

function detailView(
  state: ServerState,
  ticket: TicketRecord,
  own: boolean,
  actions: TicketAction[],
): TicketDetail {
  const closesAt = autoCloseAt(ticket);
  return {
    ...ticketSummaryView(state, ticket),
    entries: entryViews(state, ticket),
    actions,
    autoCloseAt: closesAt === null ? null : iso(closesAt),
    closedAt: ticket.closedAt === null ? null : iso(ticket.closedAt),
    rating: ticket.rating && { ...ticket.rating, at: iso(ticket.rating.at) },
    verification: ticket.verification && { ...ticket.verification },
    ownTicket: own,
  };
}

/** TICKET-6: the ticket as its requester, or a colleague who may only read it, sees it. */
export function ticketDetailView(
  state: ServerState,
  ticket: TicketRecord,
  own: boolean,
): TicketDetail {
  return detailView(state, ticket, own, own ? requesterActions(ticket) : []);
}

type ReviewSignals = NonNullable<SupportTicket['review']>['signals'];

/**
 * TICKET-11: what speaks for or against unbinding, worked out from the
 * records each time the ticket is read, so it is never a constant.
 */
function reviewSignals(
  state: ServerState,
  ctx: DomainContext,
  ticket: TicketRecord,
  requester: AccountRecord,
): ReviewSignals {
  const since = ctx.now - REVIEW_WRONG_CODES_WINDOW_MS;
  return {
    passwordVerified: ticket.verification?.password ?? false,
    emailVerified: ticket.verification?.email ?? false,
    accountCreatedAt: iso(requester.createdAt),
    accountAgeDays: Math.floor((ctx.now - requester.createdAt) / DAY_MS),
    lastMfaLoginAt: requester.lastMfaLoginAt === null ? null : iso(requester.lastMfaLoginAt),
    wrongCodesLast24h: state.audit.filter(
      (entry) =>
        entry.accountId === requester.id && entry.event === 'mfa.code_failed' && entry.at > since,
    ).length,
    otherOpenUnbindRequests: state.tickets.filter(
      (other) =>
        other.id !== ticket.id &&
        other.requesterId === requester.id &&
        other.type === 'unbind_mfa' &&
        other.status !== 'closed' &&
        other.status !== 'canceled',
    ).length,
  };
}

/** TICKET-7: the ticket as an agent sees it, with what they review for Unbind MFA. */
export function supportTicketView(
  state: ServerState,
  ctx: DomainContext,
  ticket: TicketRecord,
  agentId: string,
): SupportTicket {
  const requester = accountById(state, ticket.requesterId);
  return {
    ...detailView(
      state,
      ticket,
      ticket.requesterId === agentId,
      agentActions(state, ticket, agentId),
    ),
    review:
      ticket.type === 'unbind_mfa'
        ? {
            accountEmail: requester.email,
            accountName: requester.name,
            workspaceName: workspaceNameOf(state, ticket),
            mfaBound: requester.mfa !== null,
            mfaUnboundAt: ticket.mfaUnboundAt === null ? null : iso(ticket.mfaUnboundAt),
            signals: reviewSignals(state, ctx, ticket, requester),
          }
        : null,
  };
}

/** TICKET-1: one page of a list, filtered and searched by the server. */
export function ticketPageView(
  state: ServerState,
  tickets: TicketRecord[],
  query: TicketListQuery,
): TicketPage {
  const page = pageOf(tickets, query);
  return { ...page, tickets: page.tickets.map((ticket) => ticketSummaryView(state, ticket)) };
}

/** TICKET-1: every filtered row, not one page, up to TICKET_EXPORT_MAX_ROWS. */
export function ticketExportView(
  state: ServerState,
  tickets: TicketRecord[],
  query: TicketListQuery,
): TicketExport {
  return {
    tickets: filterTickets(tickets, query)
      .slice(0, TICKET_EXPORT_MAX_ROWS)
      .map((ticket) => ticketSummaryView(state, ticket)),
  };
}
