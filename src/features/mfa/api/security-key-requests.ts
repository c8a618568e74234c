import {
  type PublicKeyCredentialCreationOptionsJSON,
  startRegistration,
} from '@simplewebauthn/browser';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { KeyStepUpRequest, SecondFactor } from '@/api/schemas/mfa';
import type { Attestation, SecurityKey, SecurityKeyList } from '@/api/schemas/security-keys';
import { useSessionCache } from '@/lib/session';
import { mfaKeys } from './mfa-keys';

/** KEY-1: the account's keys, for the Security keys row and the step-ups that offer one. */
export const securityKeysQueryOptions = queryOptions({
  queryKey: mfaKeys.securityKeys(),
  queryFn: ({ signal }) => request<SecurityKeyList>(paths.securityKeys.href, { signal }),
});

export function useSecurityKeys() {
  return useQuery(securityKeysQueryOptions);
}

/** KEY-2: a challenge for a step-up, answered by one of the account's keys. */
export function requestStepUpKeyOptions(): Promise<unknown> {
  return request(paths.securityKeyStepUpOptions.href, { method: 'POST' });
}

/** The step-up's key, offered only when the account has one (KEY-2). */
export function useStepUpKey() {
  const keys = useSecurityKeys();
  return (keys.data?.keys.length ?? 0) > 0
    ? { requestOptions: requestStepUpKeyOptions }
    : undefined;
}

/** What changes with the keys: their list, and the security log and mail of the account. */
function useRefetchKeys() {
  const cache = useSessionCache();
  return () => cache.refetchTheRest();
}

/**
 * KEY-1: adding a key: the proof opens a register challenge, the browser's
 * prompt makes the key, and the server checks and stores it by name.
 */
export function useAddSecurityKey() {
  const refetch = useRefetchKeys();
  return useMutation({
    mutationFn: async ({ name, proof }: { name: string; proof: KeyStepUpRequest }) => {
      const optionsJSON = await request<PublicKeyCredentialCreationOptionsJSON>(
        paths.securityKeyRegistrationOptions.href,
        { method: 'POST', body: proof },
      );
      const credential = (await startRegistration({ optionsJSON })) as Attestation;
      return request<SecurityKey>(paths.securityKeys.href, {
        method: 'POST',
        body: { name, credential },
      });
    },
    onSuccess: refetch,
  });
}

export function useRenameSecurityKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      request<SecurityKey>(paths.securityKey.href(id), { method: 'PUT', body: { name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mfaKeys.securityKeys() }),
  });
}

/** KEY-1: removing asks for a second factor. */
export function useRemoveSecurityKey() {
  const refetch = useRefetchKeys();
  return useMutation({
    mutationFn: ({ id, proof }: { id: string; proof: SecondFactor }) =>
      request(paths.securityKeyRemove.href(id), { method: 'POST', body: proof }),
    onSuccess: refetch,
  });
}
