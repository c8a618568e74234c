import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import {
  ticketListParams,
  type SupportTicket,
  type TicketListQuery,
  type TicketPage,
} from '@/api/schemas/tickets';
import { ticketKeys } from './ticket-keys';

/** The queue refreshes by itself, so new tickets from any workspace show up (TICKET-7). */
export const QUEUE_REFRESH_MS = 15_000;

export function useSupportQueue(query: TicketListQuery) {
  return useQuery({
    queryKey: ticketKeys.queue(query),
    queryFn: ({ signal }) =>
      request<TicketPage>(`${paths.supportTickets.href}${ticketListParams(query)}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: QUEUE_REFRESH_MS,
  });
}

export function useSupportTicket(id: string) {
  return useQuery({
    queryKey: ticketKeys.agentDetail(id),
    queryFn: ({ signal }) => request<SupportTicket>(paths.supportTicket.href(id), { signal }),
  });
}
