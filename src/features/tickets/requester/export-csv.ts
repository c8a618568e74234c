import type { TicketSummary } from '@/api/schemas/tickets';
import { csvDocument, isoWithOffset } from '@/lib/csv';
import type { Translate } from '@/lib/i18n/i18n';
import { ticketStatusKey, ticketTypeKey } from '../ticket-labels';

/** TICKET-1: the filtered list as CSV, with the headings and names in the user's language. */
export function ticketsCsv(tickets: readonly TicketSummary[], t: Translate): string {
  const header = [
    t('tickets.field.number'),
    t('tickets.field.title'),
    t('tickets.field.type'),
    t('tickets.field.status'),
    t('tickets.field.submitter'),
    t('tickets.field.submitterEmail'),
    t('tickets.field.workspace'),
    t('tickets.field.created'),
    t('tickets.field.updated'),
  ];
  const rows = tickets.map((ticket) => [
    ticket.number,
    ticket.title,
    t(ticketTypeKey(ticket.type)),
    t(ticketStatusKey(ticket.status)),
    ticket.requester.name,
    ticket.requester.email,
    ticket.workspace?.name ?? '',
    isoWithOffset(ticket.createdAt),
    isoWithOffset(ticket.updatedAt),
  ]);
  return csvDocument([header, ...rows]);
}

export function csvFileName(view: 'all' | 'mine', now: Date): string {
  return `tickets-${view}-${now.toISOString().slice(0, 10)}.csv`;
}
