import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { EmailCodeSent, EnrollmentSecret, EnrollmentStatus } from '@/api/schemas/mfa';
import type { Session } from '@/api/schemas/session';

export const mfaKeys = {
  all: ['mfa'] as const,
  enrollment: () => [...mfaKeys.all, 'enrollment'] as const,
};

/** Where the bind wizard stands on the server, so a reload resumes it (BIND-1). */
export function useEnrollmentStatus() {
  return useQuery({
    queryKey: mfaKeys.enrollment(),
    queryFn: ({ signal }) => request<EnrollmentStatus>(paths.enrollment.href, { signal }),
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

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
 * BIND-5: the secret lives in the wizard's own state only; `gcTime: 0` keeps it
 * out of the mutation cache once the wizard is gone.
 */
export function useIssueSecret() {
  return useMutation({
    mutationFn: () => request<EnrollmentSecret>(paths.enrollmentSecret.href, { method: 'POST' }),
    gcTime: 0,
  });
}

/** BIND-3: everything that shows MFA status is refetched once bound. */
export function useConfirmEnrollment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      request<Session>(paths.enrollmentConfirm.href, { method: 'POST', body: { code } }),
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
