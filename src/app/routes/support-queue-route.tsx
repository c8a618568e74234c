import { AgentMfaGate } from '@/features/tickets/agent/agent-mfa-gate';
import { SupportQueuePage } from '@/features/tickets/agent/support-queue-page';

/** The customer-service console: the agent's side of the tickets feature, behind the agent guard. */
export function Component() {
  return (
    <AgentMfaGate>
      <SupportQueuePage />
    </AgentMfaGate>
  );
}
