import { SubmitTicketPage } from '@/features/tickets/requester/submit-ticket-page';

export function Component() {
  return <SubmitTicketPage />;
}
