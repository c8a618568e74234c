import type { DomainContext } from './context';
import { randomId } from './encoding';
import { OUTBOX_MAX_MESSAGES } from './limits';
import type { EmailLink, ServerState } from './state';

/** A piece of an email's body: text, or a path of this app that the email links to. */
export type MailPart = string | { link: string };
/** An email's body: plain text, or pieces some of which are links. */
export type MailBody = string | readonly MailPart[];

/**
 * Puts an email in the outbox. Its body is plain text (what SMTP sends), and
 * the links the server wrote in it are marked by where they stand, so that the
 * dev mailbox links those and nothing else: a path a user typed into a
 * ticket's title is text, however much it looks like a link.
 */
export function sendEmail(
  state: ServerState,
  ctx: DomainContext,
  message: { to: string; subject: string; body: MailBody },
): void {
  let body = '';
  const links: EmailLink[] = [];
  for (const part of typeof message.body === 'string' ? [message.body] : message.body) {
    if (typeof part === 'string') {
      body += part;
    } else {
      links.push({ at: body.length, path: part.link });
      body += part.link;
    }
  }
  state.outbox.push({
    id: randomId(ctx.randomBytes, 'mail'),
    sentAt: ctx.now,
    to: message.to,
    subject: message.subject,
    body,
    ...(links.length > 0 ? { links } : {}),
  });
  if (state.outbox.length > OUTBOX_MAX_MESSAGES)
    state.outbox.splice(0, state.outbox.length - OUTBOX_MAX_MESSAGES);
}

/** A moment as every email writes it, in UTC to the minute: the reader's zone is unknown. */
export function formatTimeForEmail(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
