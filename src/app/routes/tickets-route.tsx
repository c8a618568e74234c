import { TicketsPage } from '@/features/tickets/requester/tickets-page';

/** Help > Ticket Management: a member's side of the tickets feature. */
export function Component() {
  return <TicketsPage />;
}
