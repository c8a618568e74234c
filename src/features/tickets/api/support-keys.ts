import type { TicketListQuery } from '@/api/schemas/tickets';

/** HOUSE rule 5: every query key of the customer-service console comes from here. */
export const supportKeys = {
  all: ['support'] as const,
  queue: (query: TicketListQuery) => [...supportKeys.all, 'queue', query] as const,
  ticket: (id: string) => [...supportKeys.all, 'ticket', id] as const,
};
