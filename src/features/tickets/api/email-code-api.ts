import { useMutation, useQuery } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { EmailCodeSent } from '@/api/schemas/mfa';
import type { TicketEmailCodeStatus } from '@/api/schemas/tickets';
import { ticketKeys } from './ticket-keys';

/** Where the code goes and when another may be sent; a reload keeps the countdown. */
export function useTicketEmailCodeStatus() {
  return useQuery({
    queryKey: ticketKeys.emailCode(),
    queryFn: ({ signal }) => request<TicketEmailCodeStatus>(paths.ticketEmailCode.href, { signal }),
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

export function useSendTicketEmailCode() {
  return useMutation({
    mutationFn: () => request<EmailCodeSent>(paths.ticketEmailCode.href, { method: 'POST' }),
  });
}
