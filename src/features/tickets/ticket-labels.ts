import type { TicketEvent, TicketStatus, TicketType } from '@/api/schemas/tickets';
import type { MessageKey } from '@/lib/i18n/en';
import type { Language } from '@/lib/preferences';

/** How tickets are named on screen and in exports, shared by Ticket Management and the console. */
export function ticketTypeKey(type: TicketType): MessageKey {
  return `tickets.type.${type}`;
}

export function ticketStatusKey(status: TicketStatus): MessageKey {
  return `tickets.status.${status}`;
}

export function ticketEventKey(event: TicketEvent): MessageKey {
  return `tickets.event.${event}`;
}

export type StatusTone = 'success' | 'neutral' | 'warning' | 'info';

/** Amber while nobody has picked it up, blue while customer service works, green once answered. */
export const STATUS_TONES: Record<TicketStatus, StatusTone> = {
  waiting_assignment: 'warning',
  waiting_feedback: 'info',
  feedback_provided: 'success',
  closed: 'neutral',
  canceled: 'neutral',
};

const KIB = 1024;

/** A file size as people read it: 812 B, 34 KB, 1.2 MB. */
export function formatBytes(bytes: number, language: Language): string {
  const [value, unit] =
    bytes >= KIB * KIB
      ? [bytes / (KIB * KIB), 'MB']
      : bytes >= KIB
        ? [bytes / KIB, 'KB']
        : [bytes, 'B'];
  const number = new Intl.NumberFormat(language, {
    maximumFractionDigits: value < 10 && unit !== 'B' ? 1 : 0,
  }).format(value);
  return `${number} ${unit}`;
}
