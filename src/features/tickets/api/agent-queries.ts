import type { TicketPage } from '@/api/schemas/tickets';
import type { SupportTicket } from '@/api/schemas/tickets';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import { ticketListParams, type TicketListQuery } from '@/api/schemas/tickets';
import { supportKeys } from './support-keys';

/** The queue refreshes by itself, so new tickets from any workspace show up (TICKET-7). */
export const QUEUE_REFRESH_MS = 15_000;

export function useSupportQueue(query: TicketListQuery) {
  return useQuery({
    queryKey: supportKeys.queue(query),
    queryFn: ({ signal }) =>
      request<TicketPage>(`${paths.supportTickets}${ticketListParams(query)}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: QUEUE_REFRESH_MS,
  });
}

export function useSupportTicket(id: string) {
  return useQuery({
    queryKey: supportKeys.ticket(id),
    queryFn: ({ signal }) => request<SupportTicket>(paths.supportTicket(id), { signal }),
  });
}
