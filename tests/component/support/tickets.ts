import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { CreateTicketRequest, TicketCreated } from '@/api/schemas/tickets';
import { emailCodeFor } from './mailbox';
import { signIn } from './sign-in';

/**
 * Test set-up over HTTP, as the people would do it in another tab: nothing
 * here reaches into the mock server's state, so its internals may change.
 */

export async function fileTicket(
  email: string,
  input: Partial<CreateTicketRequest> = {},
): Promise<TicketCreated> {
  await signIn(email);
  return request<TicketCreated>(paths.tickets.href, {
    method: 'POST',
    body: {
      type: 'bug_report',
      title: 'Dashboards load slowly',
      description: 'Every morning, 20 s per dashboard.',
      attachmentIds: [],
      ...input,
    } satisfies CreateTicketRequest,
  });
}

/** TICKET-8: bob, at the login code step without his phone, asks for MFA to be unbound. */
export async function fileUnbindRequest(): Promise<TicketCreated> {
  await signIn('bob@example.com', 'mfa_required');
  await request(paths.ticketEmailCode.href, { method: 'POST' });
  const code = await emailCodeFor('bob@example.com');
  return request<TicketCreated>(paths.tickets.href, {
    method: 'POST',
    body: {
      type: 'unbind_mfa',
      title: 'Lost my phone',
      description: 'My phone was stolen; please unbind MFA from bob@example.com.',
      attachmentIds: [],
      emailCode: code,
    } satisfies CreateTicketRequest,
  });
}

/** Acts on a ticket as customer service, behind the back of the page under test. */
export function actAsAgent(path: string, body?: unknown): Promise<unknown> {
  return request(path, { method: 'POST', body });
}
