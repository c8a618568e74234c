import {
  type MutateOptions,
  type QueryKey,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { EmailCodeSent } from '@/api/schemas/mfa';
import {
  type CanceledUnbindRequest,
  type CreateTicketRequest,
  IDEMPOTENCY_KEY_HEADER,
  type RateRequest,
  type ReplyRequest,
  type SupportTicket,
  type SupportUnbindRequest,
  type TicketCreated,
  type TicketDetail,
  type TicketExport,
  ticketListParams,
  type TicketListQuery,
  type TicketSummary,
} from '@/api/schemas/tickets';
import { ticketKeys } from './ticket-keys';
import type { TicketScope } from './ticket-queries';

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

/** TICKET-12: the notice email's link stops an Unbind MFA request; no session needed. */
export function useCancelUnbindRequest() {
  return useMutation({
    mutationFn: (token: string) =>
      request<CanceledUnbindRequest>(paths.unbindRequestCancel.href, {
        method: 'POST',
        body: { token },
      }),
  });
}

/** TICKET-8: the email code an Unbind MFA ticket needs. */
export function useSendTicketEmailCode() {
  return useMutation({
    mutationFn: () => request<EmailCodeSent>(paths.ticketEmailCode.href, { method: 'POST' }),
  });
}

/** Every row of the filtered list, not one page: what the CSV export holds. */
async function fetchTicketsForExport(scope: TicketScope, query: TicketListQuery) {
  const { type, status, q } = query;
  const path =
    scope.view === 'all'
      ? paths.workspaceTicketsExport.href(scope.workspaceId)
      : paths.ticketsExport.href;
  const data = await request<TicketExport>(`${path}${ticketListParams({ type, status, q })}`, {});
  return data.tickets;
}

/**
 * TICKET-1's export: a read, but one the user asks for by pressing a button, so
 * it has a mutation's pending and error states and is never cached. `onExported`
 * is the host's to say what becomes of the rows.
 */
export function useTicketExport(
  scope: TicketScope,
  query: TicketListQuery,
  onExported: (tickets: TicketSummary[]) => void,
) {
  return useMutation({
    mutationFn: () => fetchTicketsForExport(scope, query),
    onSuccess: onExported,
  });
}

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
  /** TICKET-7 / TICKET-9 / TICKET-11: the one action that unbinds a requester's MFA: the reply and the agent's code. */
  unbindMfa: { variables: SupportUnbindRequest; ticket: SupportTicket };
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
    body: (request) => request,
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
