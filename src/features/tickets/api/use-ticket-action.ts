import {
  useMutation,
  useQueryClient,
  type MutateOptions,
  type QueryKey,
} from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { RateRequest, ReplyRequest, SupportTicket, TicketDetail } from '@/api/schemas/tickets';
import { ticketKeys } from './ticket-keys';

/** What each action on an existing ticket sends, and which view of the ticket answers it. */
interface TicketActions {
  cancel: { variables: void; ticket: TicketDetail };
  restart: { variables: void; ticket: TicketDetail };
  close: { variables: void; ticket: TicketDetail };
  reply: { variables: ReplyRequest; ticket: TicketDetail };
  rate: { variables: RateRequest; ticket: TicketDetail };
  accept: { variables: void; ticket: SupportTicket };
  agentReply: { variables: ReplyRequest; ticket: SupportTicket };
  agentClose: { variables: void; ticket: SupportTicket };
  /** TICKET-7 / TICKET-9: the one action that unbinds a requester's MFA; the variable is the reply. */
  unbindMfa: { variables: string; ticket: SupportTicket };
}

export type TicketActionName = keyof TicketActions;
type Variables<A extends TicketActionName> = TicketActions[A]['variables'];
type Answer<A extends TicketActionName> = TicketActions[A]['ticket'];

/** The member and the agent cache different views of one ticket, and different lists of it. */
const VIEWS = {
  requester: { detail: ticketKeys.detail, lists: ticketKeys.lists },
  agent: { detail: ticketKeys.agentDetail, lists: ticketKeys.queues },
} satisfies Record<string, { detail: (id: string) => QueryKey; lists: () => QueryKey }>;

const ACTIONS: {
  [A in TicketActionName]: {
    view: keyof typeof VIEWS;
    path: (ticketId: string) => string;
    body?: (variables: Variables<A>) => unknown;
  };
} = {
  cancel: { view: 'requester', path: paths.ticketCancel.href },
  restart: { view: 'requester', path: paths.ticketRestart.href },
  close: { view: 'requester', path: paths.ticketClose.href },
  reply: { view: 'requester', path: paths.ticketReplies.href, body: (reply) => reply },
  rate: { view: 'requester', path: paths.ticketRating.href, body: (rating) => rating },
  accept: { view: 'agent', path: paths.supportTicketAccept.href },
  agentReply: { view: 'agent', path: paths.supportTicketReplies.href, body: (reply) => reply },
  agentClose: { view: 'agent', path: paths.supportTicketClose.href },
  unbindMfa: {
    view: 'agent',
    path: paths.supportTicketUnbindMfa.href,
    body: (reply) => ({ reply }),
  },
};

/**
 * One action on a ticket, as a member or as customer service. The answer is the
 * ticket as it now stands, so it replaces the cached copy and the lists follow.
 * Errors stay on the mutation for the screen to show. A second call while one
 * is in flight joins it instead of sending again (QUAL-1: nothing twice), even
 * before the busy button has rendered.
 */
export function useTicketAction<A extends TicketActionName>(action: A, ticketId: string) {
  const queryClient = useQueryClient();
  const { view, path, body } = ACTIONS[action];
  const keys = VIEWS[view];
  const mutation = useMutation<Answer<A>, Error, Variables<A>>({
    mutationFn: (variables) =>
      request<Answer<A>>(path(ticketId), { method: 'POST', body: body?.(variables) }),
    onSuccess: async (ticket) => {
      queryClient.setQueryData(keys.detail(ticketId), ticket);
      await queryClient.invalidateQueries({ queryKey: keys.lists() });
    },
  });

  const inFlight = useRef<Promise<Answer<A>> | null>(null);
  const send = mutation.mutateAsync;
  const mutateAsync = useCallback(
    (variables: Variables<A>, options?: MutateOptions<Answer<A>, Error, Variables<A>>) => {
      if (inFlight.current) return inFlight.current;
      const sent = send(variables, options).finally(() => {
        inFlight.current = null;
      });
      inFlight.current = sent;
      return sent;
    },
    [send],
  );
  const mutate = useCallback(
    (variables: Variables<A>, options?: MutateOptions<Answer<A>, Error, Variables<A>>) => {
      // As useMutation's own mutate: the error is on the mutation, not thrown at the caller.
      mutateAsync(variables, options).catch(() => undefined);
    },
    [mutateAsync],
  );
  return { ...mutation, mutate, mutateAsync };
}
