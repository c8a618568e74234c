import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import { type ReplyRequest, type SupportTicket } from '@/api/schemas/tickets';
import { supportKeys } from './support-keys';

/** Every action answers the ticket as it now stands; the queue follows. */
function useSupportAction<V>(ticketId: string, call: (variables: V) => Promise<SupportTicket>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async (ticket) => {
      queryClient.setQueryData(supportKeys.ticket(ticketId), ticket);
      await queryClient.invalidateQueries({ queryKey: [...supportKeys.all, 'queue'] });
    },
  });
}

const post = (path: string, body?: unknown) =>
  request<SupportTicket>(path, { method: 'POST', body });

export function useAcceptTicket(ticketId: string) {
  return useSupportAction<void>(ticketId, () => post(paths.supportTicketAccept(ticketId)));
}

export function useAgentReply(ticketId: string) {
  return useSupportAction<ReplyRequest>(ticketId, (reply) =>
    post(paths.supportTicketReplies(ticketId), reply),
  );
}

export function useAgentClose(ticketId: string) {
  return useSupportAction<void>(ticketId, () => post(paths.supportTicketClose(ticketId)));
}

/** TICKET-7 / TICKET-9: the one action that unbinds a requester's MFA. */
export function useUnbindRequesterMfa(ticketId: string) {
  return useSupportAction<string>(ticketId, (reply) =>
    post(paths.supportTicketUnbindMfa(ticketId), { reply }),
  );
}
