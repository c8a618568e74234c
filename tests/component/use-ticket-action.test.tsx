import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { isApiError } from '@/api/api-error';
import { paths } from '@/api/paths';
import type { TicketListQuery } from '@/api/schemas/tickets';
import { createQueryClient } from '@/app/query-client';
import { seedState } from '@/backend/seed';
import { ticketKeys } from '@/features/tickets/api/ticket-keys';
import { useTicketAction } from '@/features/tickets/api/ticket-mutations';
import { mswServer } from './setup';
import { signIn } from './support/sign-in';
import { fileTicket } from './support/tickets';

// The demo password hashes are slow on purpose; make them once, before any test's clock runs.
beforeAll(() => {
  seedState(0);
});

const LIST_QUERY: TicketListQuery = { page: 1, pageSize: 10 };

/** A fresh query client holding a member's list and an agent's queue, both loaded. */
function renderAction<A extends Parameters<typeof useTicketAction>[0]>(action: A, id: string) {
  const queryClient = createQueryClient();
  queryClient.setQueryData(ticketKeys.mine(LIST_QUERY), { tickets: [], total: 0 });
  queryClient.setQueryData(ticketKeys.queue(LIST_QUERY), { tickets: [], total: 0 });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const { result } = renderHook(() => useTicketAction(action, id), { wrapper });
  const invalidated = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated;
  return { result, queryClient, invalidated };
}

/** Counts the POSTs that reach the network for one path. */
function countPosts(path: string): { count: number } {
  const seen = { count: 0 };
  mswServer.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname === path) seen.count += 1;
  });
  return seen;
}

describe('useTicketAction (QUAL-1, HOUSE rule 5)', () => {
  it("sends a member's action once however often it is asked, and updates that member's caches", async () => {
    const { id } = await fileTicket('alice@example.com');
    const posts = countPosts(paths.ticketCancel.href(id));
    const { result, queryClient, invalidated } = renderAction('cancel', id);

    let first: Promise<unknown> | undefined;
    let second: Promise<unknown> | undefined;
    act(() => {
      first = result.current.mutateAsync();
      second = result.current.mutateAsync();
      result.current.mutate();
    });
    expect(second).toBe(first);
    await act(() => first);

    expect(posts.count).toBe(1);
    expect(queryClient.getQueryData(ticketKeys.detail(id))).toMatchObject({ status: 'canceled' });
    expect(invalidated(ticketKeys.mine(LIST_QUERY))).toBe(true);
    expect(invalidated(ticketKeys.queue(LIST_QUERY))).toBe(false);
  });

  it('keeps a refusal on the mutation, and lets the next try through', async () => {
    const { id } = await fileTicket('alice@example.com');
    const posts = countPosts(paths.ticketClose.href(id));
    const { result } = renderAction('close', id);

    // Nobody has answered yet, so there is nothing to close.
    act(() => result.current.mutate());
    await waitFor(() => expect(result.current.isError).toBe(true));
    const { error } = result.current;
    expect(isApiError(error) && error.code).toBe('TICKET_STATUS_CONFLICT');

    act(() => result.current.mutate());
    await waitFor(() => expect(posts.count).toBe(2));
    await waitFor(() => expect(result.current.isError).toBe(true));
  });

  it("answers an agent's action with the console's view, and refreshes the queue", async () => {
    const { id } = await fileTicket('alice@example.com');
    await signIn('support@example.com');
    const { result, queryClient, invalidated } = renderAction('accept', id);

    await act(() => result.current.mutateAsync());

    expect(queryClient.getQueryData(ticketKeys.agentDetail(id))).toMatchObject({
      status: 'waiting_feedback',
      review: null,
    });
    expect(queryClient.getQueryData(ticketKeys.detail(id))).toBeUndefined();
    expect(invalidated(ticketKeys.queue(LIST_QUERY))).toBe(true);
    expect(invalidated(ticketKeys.mine(LIST_QUERY))).toBe(false);
  });
});
