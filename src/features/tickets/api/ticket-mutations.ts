import type { TicketCreated } from '@/api/schemas/tickets';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import {
  IDEMPOTENCY_KEY_HEADER,
  type CreateTicketRequest,
  type RateRequest,
  type ReplyRequest,
  type TicketDetail,
} from '@/api/schemas/tickets';
import { ticketKeys } from './ticket-keys';

/**
 * TICKET-2: the key makes a repeated submit (double click, a retry after a lost
 * answer) come back with the ticket the first one made.
 */
export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: CreateTicketRequest; key: string }) =>
      request<TicketCreated>(paths.tickets, {
        method: 'POST',
        body: input,
        headers: { [IDEMPOTENCY_KEY_HEADER]: key },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketKeys.lists() }),
  });
}

/** The answer of every action is the ticket as it now stands; the lists follow. */
function useTicketAction<V>(ticketId: string, call: (variables: V) => Promise<TicketDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async (ticket) => {
      queryClient.setQueryData(ticketKeys.detail(ticketId), ticket);
      await queryClient.invalidateQueries({ queryKey: ticketKeys.lists() });
    },
  });
}

const post = (path: string, body?: unknown) =>
  request<TicketDetail>(path, { method: 'POST', body });

export function useCancelTicket(ticketId: string) {
  return useTicketAction<void>(ticketId, () => post(paths.ticketCancel(ticketId)));
}

export function useRestartTicket(ticketId: string) {
  return useTicketAction<void>(ticketId, () => post(paths.ticketRestart(ticketId)));
}

export function useCloseTicket(ticketId: string) {
  return useTicketAction<void>(ticketId, () => post(paths.ticketClose(ticketId)));
}

export function useReplyToTicket(ticketId: string) {
  return useTicketAction<ReplyRequest>(ticketId, (reply) =>
    post(paths.ticketReplies(ticketId), reply),
  );
}

export function useRateTicket(ticketId: string) {
  return useTicketAction<RateRequest>(ticketId, (rating) =>
    post(paths.ticketRating(ticketId), rating),
  );
}
