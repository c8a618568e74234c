import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import {
  ticketListParams,
  type TicketDetail,
  type TicketExport,
  type TicketListQuery,
  type TicketPage,
} from '@/api/schemas/tickets';
import { ticketKeys } from './ticket-keys';

export type TicketScope = { view: 'all'; workspaceId: string } | { view: 'mine' };

function listPath(scope: TicketScope): string {
  return scope.view === 'all' ? paths.workspaceTickets.href(scope.workspaceId) : paths.tickets.href;
}

/** TICKET-1: one page of All Tickets or My Tickets, filtered by the server. */
export function useTicketPage(scope: TicketScope, query: TicketListQuery) {
  return useQuery(
    queryOptions({
      queryKey:
        scope.view === 'all'
          ? ticketKeys.workspace(scope.workspaceId, query)
          : ticketKeys.mine(query),
      queryFn: ({ signal }) =>
        request<TicketPage>(`${listPath(scope)}${ticketListParams(query)}`, {
          signal,
        }),
      // The rows of the last page stay while the next one loads, so paging does not flash.
      placeholderData: keepPreviousData,
    }),
  );
}

/** Every row of the filtered list, for the CSV export. */
export async function fetchTicketsForExport(scope: TicketScope, query: TicketListQuery) {
  const { type, status, q } = query;
  const path =
    scope.view === 'all'
      ? paths.workspaceTicketsExport.href(scope.workspaceId)
      : paths.ticketsExport.href;
  const data = await request<TicketExport>(`${path}${ticketListParams({ type, status, q })}`, {});
  return data.tickets;
}

export function ticketQueryOptions(id: string) {
  return queryOptions({
    queryKey: ticketKeys.detail(id),
    queryFn: ({ signal }) => request<TicketDetail>(paths.ticket.href(id), { signal }),
  });
}

export function useTicket(id: string) {
  return useQuery(ticketQueryOptions(id));
}
