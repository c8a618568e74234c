import { useQuery } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { SecurityKeyList } from '@/api/schemas/security-keys';
import { promptSecurityKey, securityKeysSupported } from '@/components/security-key-prompt';
import { ticketKeys } from './ticket-keys';

/**
 * KEY-2, TICKET-11: the agent's unbind step-up answered by one of the agent's
 * own keys: offered when the agent has one and the browser speaks WebAuthn.
 * `prove` fetches a step-up challenge and runs the browser's prompt.
 */
export function useAgentKeyProof() {
  const keys = useQuery({
    queryKey: ticketKeys.agentSecurityKeys(),
    queryFn: ({ signal }) => request<SecurityKeyList>(paths.securityKeys.href, { signal }),
  });
  return {
    available: (keys.data?.keys.length ?? 0) > 0 && securityKeysSupported(),
    prove: () =>
      promptSecurityKey(() => request(paths.securityKeyStepUpOptions.href, { method: 'POST' })),
  };
}
