import type { TicketSummary } from '@/api/schemas/tickets';
import type { Translate } from '@/lib/i18n/i18n';
import { ticketStatusKey, ticketTypeKey } from '../ticket-labels';

/** Excel reads UTF-8 (Chinese titles) only with a byte-order mark. */
const BOM = '\uFEFF';

/**
 * One CSV field (RFC 4180). A cell that a spreadsheet would run as a formula
 * is prefixed with an apostrophe, so an exported title cannot execute.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

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
    ticket.createdAt,
    ticket.updatedAt,
  ]);
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function csvFileName(view: 'all' | 'mine', now: Date): string {
  return `tickets-${view}-${now.toISOString().slice(0, 10)}.csv`;
}
