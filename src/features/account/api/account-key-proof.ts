import { useQuery } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { SecurityKeyList } from '@/api/schemas/security-keys';
import { promptSecurityKey, securityKeysSupported } from '@/components/security-key-prompt';
import { accountKeys } from './account-keys';

/**
 * KEY-2, PASSWORD-1: the password change's step-up answered by one of the
 * account's keys: offered when it has one and the browser speaks WebAuthn.
 */
export function useAccountKeyProof() {
  const keys = useQuery({
    queryKey: accountKeys.securityKeys(),
    queryFn: ({ signal }) => request<SecurityKeyList>(paths.securityKeys.href, { signal }),
  });
  return {
    available: (keys.data?.keys.length ?? 0) > 0 && securityKeysSupported(),
    prove: () =>
      promptSecurityKey(() => request(paths.securityKeyStepUpOptions.href, { method: 'POST' })),
  };
}
