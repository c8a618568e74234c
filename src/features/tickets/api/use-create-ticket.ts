import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import {
  IDEMPOTENCY_KEY_HEADER,
  type CreateTicketRequest,
  type TicketCreated,
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
      request<TicketCreated>(paths.tickets.href, {
        method: 'POST',
        body: input,
        headers: { [IDEMPOTENCY_KEY_HEADER]: key },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketKeys.lists() }),
  });
}
