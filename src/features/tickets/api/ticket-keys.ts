import type { TicketListQuery } from '@/api/schemas/tickets';

/**
 * HOUSE rule 5: every query key of tickets comes from here. The console sees a
 * ticket with its review panel, so the agent's copies sit under their own branch.
 */
export const ticketKeys = {
  all: ['tickets'] as const,
  lists: () => [...ticketKeys.all, 'list'] as const,
  workspace: (workspaceId: string, query: TicketListQuery) =>
    [...ticketKeys.lists(), 'workspace', workspaceId, query] as const,
  mine: (query: TicketListQuery) => [...ticketKeys.lists(), 'mine', query] as const,
  detail: (id: string) => [...ticketKeys.all, 'detail', id] as const,
  emailCode: () => [...ticketKeys.all, 'email-code'] as const,
  agent: () => [...ticketKeys.all, 'agent'] as const,
  queues: () => [...ticketKeys.agent(), 'queue'] as const,
  /** KEY-2: the agent's own security keys, for the unbind step-up. */
  agentSecurityKeys: () => [...ticketKeys.agent(), 'security-keys'] as const,
  queue: (query: TicketListQuery) => [...ticketKeys.queues(), query] as const,
  agentDetail: (id: string) => [...ticketKeys.agent(), 'detail', id] as const,
};
