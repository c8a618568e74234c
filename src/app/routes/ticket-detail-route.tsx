import { TicketDetailPage } from '@/features/tickets/requester/ticket-detail-page';

export function Component() {
  return <TicketDetailPage />;
}
