import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/api/api-error';

const MAX_QUERY_RETRIES = 2;

/** Retries only what may succeed on a second try: network and server failures, not refusals. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          failureCount < MAX_QUERY_RETRIES &&
          (!isApiError(error) || error.status === 0 || error.status >= 500),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
