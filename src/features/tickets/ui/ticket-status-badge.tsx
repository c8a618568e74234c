import type { TicketStatus } from '@/api/schemas/tickets';
import { Badge } from '@/components/badge';
import { useT } from '@/lib/i18n/i18n';
import { STATUS_TONES, ticketStatusKey } from '../ticket-labels';

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  const t = useT();
  return <Badge tone={STATUS_TONES[status]}>{t(ticketStatusKey(status))}</Badge>;
}
