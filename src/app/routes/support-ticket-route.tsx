import { AgentMfaGate } from '@/features/tickets/agent/agent-mfa-gate';
import { SupportTicketPage } from '@/features/tickets/agent/support-ticket-page';

export function Component() {
  return (
    <AgentMfaGate>
      <SupportTicketPage />
    </AgentMfaGate>
  );
}
