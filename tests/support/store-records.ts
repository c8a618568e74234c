import type { TicketRecord } from '@/backend/domain/state';

/** The mock's IndexedDB database, as a test leaves it for the next. */
export const MOCK_DATABASE = 'guance-mock-server';

export function deleteMockDatabase(): Promise<void> {
  return new Promise((resolve) => {
    const deleting = indexedDB.deleteDatabase(MOCK_DATABASE);
    deleting.onsuccess = () => resolve();
    deleting.onerror = () => resolve();
  });
}

/** A stored ticket record numbered `n`, made at `at + n`, for the store's own tests. */
export function ticketRecord(
  n: number,
  at: number,
  workspaceId: string | null = 'ws_demo',
): TicketRecord {
  return {
    id: `tkt_${n}`,
    number: `TK${100_000 + n}`,
    workspaceId,
    requesterId: 'acc_alice',
    type: 'other',
    title: `Ticket ${n}`,
    status: 'waiting_assignment',
    createdAt: at + n,
    updatedAt: at + n,
    assigneeId: null,
    feedbackAt: null,
    closedAt: null,
    rating: null,
    verification: null,
    cancelTokenHash: null,
    mfaUnboundAt: null,
    entries: [{ kind: 'event', id: `tev_${n}`, event: 'canceled', at: at + n }],
  };
}
