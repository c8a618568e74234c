import { MINUTE_MS } from '@/api/limits';
import type { MailKey } from '@/lib/i18n/en-mail';
import type { DomainContext } from './context';
import { base64Url, digestsEqual, sha256Hex } from './encoding';
import { DomainError } from './errors';
import {
  EMAIL_CODE_DIGITS,
  EMAIL_CODE_MAX_FAILURES,
  EMAIL_CODE_MAX_PER_HOUR,
  EMAIL_CODE_RATE_WINDOW_MS,
  EMAIL_CODE_RESEND_INTERVAL_MS,
  EMAIL_CODE_TTL_MS,
} from './limits';
import { sendEmail } from './mail';
import type { AccountRecord, EmailCodePurpose, ServerState } from './state';

/** The email of each purpose's code; the reset's says what its code can do (PASSWORD-2). */
const PURPOSE_MAIL: Record<EmailCodePurpose, { subject: MailKey; body: MailKey }> = {
  bind: { subject: 'mail.code.bind.subject', body: 'mail.code.bind.body' },
  ticket: { subject: 'mail.code.ticket.subject', body: 'mail.code.ticket.body' },
  reset: { subject: 'mail.code.reset.subject', body: 'mail.code.reset.body' },
};

/** A uniformly random code of EMAIL_CODE_DIGITS digits from the CSPRNG. */
function randomCode(ctx: DomainContext): string {
  const range = 10 ** EMAIL_CODE_DIGITS;
  const limit = Math.floor(0x1_0000_0000 / range) * range;
  for (;;) {
    const [a = 0, b = 0, c = 0, d = 0] = ctx.randomBytes(4);
    const value = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
    if (value < limit) return String(value % range).padStart(EMAIL_CODE_DIGITS, '0');
  }
}

function hashCode(salt: string, code: string): string {
  return sha256Hex(`${salt}:${code}`);
}

function recentSends(
  state: ServerState,
  ctx: DomainContext,
  accountId: string,
  purpose: EmailCodePurpose,
) {
  return state.emailSends.filter(
    (send) =>
      send.accountId === accountId &&
      send.purpose === purpose &&
      ctx.now - send.at < EMAIL_CODE_RATE_WINDOW_MS,
  );
}

/**
 * When the account may be sent the next code for this purpose; null if it may
 * be sent one now. Each purpose has its own quota, so whoever has only the
 * password cannot use up the codes of the bind wizard with ticket codes, nor
 * the other way round.
 */
export function nextEmailCodeAt(
  state: ServerState,
  ctx: DomainContext,
  accountId: string,
  purpose: EmailCodePurpose,
  sessionId: string | null = null,
): number | null {
  const sends = recentSends(state, ctx, accountId, purpose);
  const last = sends.at(-1);
  const candidates: number[] = [];
  // The wait between sends protects a code still in use; one voided by wrong
  // tries or past its time is replaced at once, and a new login does not
  // inherit another session's wait (the hourly cap holds for all of them).
  const live = state.emailCodes.some(
    (entry) =>
      entry.accountId === accountId && entry.purpose === purpose && ctx.now < entry.expiresAt,
  );
  const sameSession = (last?.sessionId ?? null) === sessionId;
  if (live && last && sameSession && ctx.now - last.at < EMAIL_CODE_RESEND_INTERVAL_MS)
    candidates.push(last.at + EMAIL_CODE_RESEND_INTERVAL_MS);
  const oldest = sends[0];
  if (oldest && sends.length >= EMAIL_CODE_MAX_PER_HOUR)
    candidates.push(oldest.at + EMAIL_CODE_RATE_WINDOW_MS);
  return candidates.length > 0 ? Math.max(...candidates) : null;
}

/**
 * MOCK-5: emails a fresh code for one purpose, replacing any earlier one;
 * one per minute and five per hour per account and purpose.
 */
export function sendEmailCode(
  state: ServerState,
  ctx: DomainContext,
  account: AccountRecord,
  purpose: EmailCodePurpose,
  sessionId: string | null = null,
): { resendAvailableAt: number } {
  const next = nextEmailCodeAt(state, ctx, account.id, purpose, sessionId);
  if (next !== null) throw new DomainError('RATE_LIMITED', { retryAfterMs: next - ctx.now });

  const code = randomCode(ctx);
  const salt = base64Url(ctx.randomBytes(16));
  state.emailCodes = state.emailCodes.filter(
    (entry) => !(entry.accountId === account.id && entry.purpose === purpose),
  );
  state.emailCodes.push({
    accountId: account.id,
    purpose,
    salt,
    hash: hashCode(salt, code),
    expiresAt: ctx.now + EMAIL_CODE_TTL_MS,
    failures: 0,
  });
  state.emailSends = state.emailSends.filter(
    (send) => ctx.now - send.at < EMAIL_CODE_RATE_WINDOW_MS,
  );
  state.emailSends.push({ accountId: account.id, purpose, at: ctx.now, sessionId });

  const text = PURPOSE_MAIL[purpose];
  sendEmail(state, ctx, account, (t) => ({
    subject: t(text.subject),
    body: t(text.body, { code, minutes: EMAIL_CODE_TTL_MS / MINUTE_MS }),
  }));
  return { resendAvailableAt: ctx.now + EMAIL_CODE_RESEND_INTERVAL_MS };
}

/**
 * Uses up the account's code for a purpose. Wrong, expired and used codes get
 * the same refusal; five wrong tries void the code. Returns the refusal so the
 * count of wrong tries is written.
 */
export function consumeEmailCode(
  state: ServerState,
  ctx: DomainContext,
  accountId: string,
  purpose: EmailCodePurpose,
  code: string,
): DomainError | null {
  const record = state.emailCodes.find(
    (entry) => entry.accountId === accountId && entry.purpose === purpose,
  );
  const refusal = new DomainError('INVALID_EMAIL_CODE');
  if (!record || ctx.now >= record.expiresAt) return refusal;
  if (!digestsEqual(hashCode(record.salt, code), record.hash)) {
    record.failures += 1;
    if (record.failures >= EMAIL_CODE_MAX_FAILURES)
      state.emailCodes = state.emailCodes.filter((entry) => entry !== record);
    return refusal;
  }
  state.emailCodes = state.emailCodes.filter((entry) => entry !== record);
  return null;
}
