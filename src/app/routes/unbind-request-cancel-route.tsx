import { useSearchParams } from 'react-router-dom';
import { CancelUnbindRequestPage } from '@/features/tickets/requester/cancel-unbind-request-page';

/** TICKET-12: the notice email's link, open with or without a session. */
export function Component() {
  const [search] = useSearchParams();
  return <CancelUnbindRequestPage token={search.get('token') ?? ''} />;
}
