import type { Language } from '@/api/languages';
import { enMail, type MailKey } from '@/lib/i18n/en-mail';
import { formatMessage, type MessageValues } from '@/lib/i18n/message-format';
import { zhCNMail } from '@/lib/i18n/zh-cn-mail';
import type { DomainContext } from './context';
import { randomId } from './encoding';
import { OUTBOX_MAX_MESSAGES } from './limits';
import type { AccountRecord, EmailLink, ServerState } from './state';

/** A piece of an email's body: text, or a path of this app that the email links to. */
export type MailPart = string | { link: string };
/** An email's body: plain text, or pieces some of which are links. */
export type MailBody = string | readonly MailPart[];

/** An email's words in the language it goes out in, from the mail catalogues. */
export type MailTranslate = (key: MailKey, values?: MessageValues) => string;

const MAIL_CATALOGUES: Record<Language, Readonly<Record<MailKey, string>>> = {
  en: enMail,
  'zh-CN': zhCNMail,
};

/**
 * The language an email to `recipient` is written in: the request's, when the
 * recipient made it (signed in as them, or anonymously, as a password reset
 * is); else the recipient's last known one, as when an agent's reply notifies
 * a member; else English.
 */
export function mailLanguage(ctx: DomainContext, recipient: AccountRecord): Language {
  const byRecipient = (ctx.callerAccountId ?? recipient.id) === recipient.id;
  return (byRecipient ? ctx.language : null) ?? recipient.language ?? 'en';
}

/**
 * Notes on the caller's account the language its request asked for, so that
 * the emails others' actions send it are in the language it last used.
 * Written only when it changes: a request in the same language writes nothing.
 */
export function rememberCallerLanguage(state: ServerState, ctx: DomainContext): void {
  if (!ctx.callerAccountId || !ctx.language) return;
  const account = state.accounts.find((entry) => entry.id === ctx.callerAccountId);
  if (account && account.language !== ctx.language) account.language = ctx.language;
}

/**
 * Emails an account: `compose` writes the subject and the body with the
 * words of the recipient's language (`mailLanguage`). The body is plain text
 * (what SMTP sends), and the links the server wrote in it are marked by where
 * they stand, so that the dev mailbox links those and nothing else: a path a
 * user typed into a ticket's title is text, however much it looks like a link.
 */
export function sendEmail(
  state: ServerState,
  ctx: DomainContext,
  recipient: AccountRecord,
  compose: (t: MailTranslate) => { subject: string; body: MailBody },
): void {
  const language = mailLanguage(ctx, recipient);
  const message = compose((key, values) =>
    formatMessage(MAIL_CATALOGUES[language], language, key, values),
  );
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
    to: recipient.email,
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
