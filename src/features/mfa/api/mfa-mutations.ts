import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type {
  EmailCodeSent,
  EnrollmentConfirmed,
  EnrollmentSecret,
  KeyStepUpRequest,
  RecoveryCodes,
  SecondFactor,
} from '@/api/schemas/mfa';
import type { Session } from '@/api/schemas/session';
import { useSessionCache } from '@/lib/session';
import { mfaKeys } from './mfa-keys';

export function useSendBindEmailCode() {
  return useMutation({
    mutationFn: () => request<EmailCodeSent>(paths.enrollmentEmailCode.href, { method: 'POST' }),
  });
}

export function useVerifyBindIdentity() {
  return useMutation({
    mutationFn: (code: string) =>
      request(paths.enrollmentIdentity.href, { method: 'POST', body: { code } }),
  });
}

/**
 * BIND-5: the wizard's secret, the same one on every call until it is
 * confirmed, expires or is cancelled. It lives in the wizard's own state only;
 * `gcTime: 0` keeps it out of the mutation cache once the wizard is gone.
 */
export function useIssueSecret() {
  return useMutation({
    mutationFn: () => request<EnrollmentSecret>(paths.enrollmentSecret.href, { method: 'POST' }),
    gcTime: 0,
  });
}

/** BIND-5 "Show a new QR code": the one way to replace the secret; kept out of caches too. */
export function useRotateSecret() {
  return useMutation({
    mutationFn: () =>
      request<EnrollmentSecret>(paths.enrollmentSecretRotate.href, { method: 'POST' }),
    gcTime: 0,
  });
}

/**
 * BIND-3: the binding, and with a new one its recovery codes (RECOVERY-1),
 * which only the wizard's own state holds: `gcTime: 0` keeps them out of the
 * mutation cache once it is gone.
 */
export function useConfirmEnrollment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      request<EnrollmentConfirmed>(paths.enrollmentConfirm.href, {
        method: 'POST',
        body: { code },
      }),
    gcTime: 0,
    onSuccess: () => queryClient.removeQueries({ queryKey: mfaKeys.enrollment() }),
  });
}

/** BIND-4: cancelling discards the pending secret on the server. */
export function useCancelEnrollment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(paths.enrollment.href, { method: 'DELETE' }),
    onSettled: () => queryClient.removeQueries({ queryKey: mfaKeys.enrollment() }),
  });
}

/**
 * UNBIND-1: the current dynamic code unbinds. The answer is the session, which
 * owes a new binding when the workspace enforces MFA (UNBIND-2), and everything
 * else that shows MFA status is refetched. `onUnbound` runs first: the new
 * session may take the screen that asked away.
 */
export function useUnbindMfa(onUnbound: () => void) {
  const cache = useSessionCache();
  return useMutation({
    mutationFn: (proof: SecondFactor) =>
      request<Session>(paths.unbindMfa.href, { method: 'POST', body: proof }),
    onSuccess: async (session) => {
      onUnbound();
      cache.replace(session);
      await cache.refetchTheRest();
    },
  });
}

/**
 * RECOVERY-4: the old app (or a recovery code) proves the account holder; the
 * wizard's app and code steps follow. A recovery code used up changes the count.
 */
export function useStartAuthenticatorChange() {
  const cache = useSessionCache();
  return useMutation({
    mutationFn: (proof: SecondFactor) =>
      request(paths.changeAuthenticator.href, { method: 'POST', body: proof }),
    onSuccess: (_, proof) => {
      if ('recoveryCode' in proof) void cache.refetchAll();
    },
  });
}

/** RECOVERY-3: a new set, held by the dialog that shows it, never cached; a key may prove it (KEY-2). */
export function useRegenerateRecoveryCodes() {
  const cache = useSessionCache();
  return useMutation({
    mutationFn: (proof: KeyStepUpRequest) =>
      request<RecoveryCodes>(paths.recoveryCodes.href, { method: 'POST', body: proof }),
    gcTime: 0,
    onSuccess: () => void cache.refetchAll(),
  });
}
