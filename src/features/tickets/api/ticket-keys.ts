import type { TicketListQuery } from '@/api/schemas/tickets';

/** HOUSE rule 5: every query key of Ticket Management comes from here. */
export const ticketKeys = {
  all: ['tickets'] as const,
  lists: () => [...ticketKeys.all, 'list'] as const,
  workspace: (workspaceId: string, query: TicketListQuery) =>
    [...ticketKeys.lists(), 'workspace', workspaceId, query] as const,
  mine: (query: TicketListQuery) => [...ticketKeys.lists(), 'mine', query] as const,
  detail: (id: string) => [...ticketKeys.all, 'detail', id] as const,
  emailCode: () => [...ticketKeys.all, 'email-code'] as const,
};
