import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { Mailbox } from '@/api/schemas/dev';

/**
 * The verification code in the newest email to that address, read from the
 * mock's mailbox over the dev API, as a person would read their inbox.
 */
export async function emailCodeFor(to: string): Promise<string> {
  const { messages } = await request<Mailbox>(paths.devMailbox.href);
  // The mailbox lists the newest first.
  const body = messages.find((message) => message.to === to)?.body ?? '';
  const code = /verification code is (\d{6})\b/.exec(body)?.[1];
  if (!code) throw new Error(`no email code for ${to}`);
  return code;
}
