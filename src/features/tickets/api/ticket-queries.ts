import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import {
  type SupportTicket,
  type TicketDetail,
  type TicketEmailCodeStatus,
  ticketListParams,
  type TicketListQuery,
  type TicketPage,
} from '@/api/schemas/tickets';
import { ticketKeys } from './ticket-keys';

export type TicketScope = { view: 'all'; workspaceId: string } | { view: 'mine' };

function listPath(scope: TicketScope): string {
  return scope.view === 'all' ? paths.workspaceTickets.href(scope.workspaceId) : paths.tickets.href;
}

/** TICKET-1: one page of All Tickets or My Tickets, filtered by the server. */
export function ticketPageQueryOptions(scope: TicketScope, query: TicketListQuery) {
  return queryOptions({
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
  });
}

export function useTicketPage(scope: TicketScope, query: TicketListQuery) {
  return useQuery(ticketPageQueryOptions(scope, query));
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

/** Where the code goes and when another may be sent; a reload keeps the countdown. */
export const ticketEmailCodeQueryOptions = queryOptions({
  queryKey: ticketKeys.emailCode(),
  queryFn: ({ signal }) => request<TicketEmailCodeStatus>(paths.ticketEmailCode.href, { signal }),
  staleTime: 0,
  refetchOnWindowFocus: false,
});

export function useTicketEmailCodeStatus() {
  return useQuery(ticketEmailCodeQueryOptions);
}

/** The queue refreshes by itself, so new tickets from any workspace show up (TICKET-7). */
export const QUEUE_REFRESH_MS = 15_000;

export function supportQueueQueryOptions(query: TicketListQuery) {
  return queryOptions({
    queryKey: ticketKeys.queue(query),
    queryFn: ({ signal }) =>
      request<TicketPage>(`${paths.supportTickets.href}${ticketListParams(query)}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: QUEUE_REFRESH_MS,
  });
}

export function useSupportQueue(query: TicketListQuery) {
  return useQuery(supportQueueQueryOptions(query));
}

export function supportTicketQueryOptions(id: string) {
  return queryOptions({
    queryKey: ticketKeys.agentDetail(id),
    queryFn: ({ signal }) => request<SupportTicket>(paths.supportTicket.href(id), { signal }),
  });
}

export function useSupportTicket(id: string) {
  return useQuery(supportTicketQueryOptions(id));
}
