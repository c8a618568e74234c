import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { EnrollmentStatus } from '@/api/schemas/mfa';
import { mfaKeys } from './mfa-keys';

export const enrollmentQueryOptions = queryOptions({
  queryKey: mfaKeys.enrollment(),
  queryFn: ({ signal }) => request<EnrollmentStatus>(paths.enrollment.href, { signal }),
  staleTime: 0,
  refetchOnWindowFocus: false,
});

/** Where the bind wizard stands on the server, so a reload resumes it (BIND-1). */
export function useEnrollmentStatus() {
  return useQuery(enrollmentQueryOptions);
}
