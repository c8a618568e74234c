import { SupportTicketPage } from '@/features/tickets/agent/support-ticket-page';

export function Component() {
  return <SupportTicketPage />;
}
