import { MINUTE_MS, SECOND_MS } from '@/api/limits';
import type { Backend } from '@/backend/backend';
import type { Log } from '../log';

/** What sends one message: nodemailer's transport in the server, a fake in tests. */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

/** A claim older than this is taken to have died with its process, and the message is sent again. */
export const MAIL_CLAIM_TIMEOUT_MS = 5 * MINUTE_MS;
/** How often the outbox is looked at besides after each change: other processes' mail, retries. */
export const MAIL_POLL_INTERVAL_MS = 10 * SECOND_MS;

const OUTBOX_PLAN = { whole: ['outbox'] } as const;

/**
 * SERVER-5: the domain writes every email to the outbox, in the transaction
 * that decided to send it; the relay sends what the outbox holds over SMTP
 * afterwards, so no email is sent for a change that was rolled back, and none
 * is lost when SMTP is down (it is tried again). In production a sent message
 * leaves the database, since it may hold a code; in demo mode it stays for
 * the mailbox.
 */
export function createMailRelay(options: {
  backend: Backend;
  transport: MailTransport;
  from: string;
  keepSent: boolean;
  log: Log;
}) {
  const { backend, transport, from, keepSent, log } = options;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: ReturnType<typeof setInterval> | null = null;

  async function relayOnce(): Promise<void> {
    const claimed = await backend.run((state, ctx) => {
      const due = state.outbox.filter(
        (message) =>
          !message.delivery ||
          (message.delivery.deliveredAt === null &&
            ctx.now - message.delivery.claimedAt >= MAIL_CLAIM_TIMEOUT_MS),
      );
      for (const message of due) message.delivery = { claimedAt: ctx.now, deliveredAt: null };
      return due.map(({ id, to, subject, body }) => ({ id, to, subject, body }));
    }, OUTBOX_PLAN);
    if (claimed.length === 0) return;
    const sent = new Set<string>();
    for (const message of claimed) {
      try {
        await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.body,
        });
        sent.add(message.id);
      } catch (error) {
        // The message stays claimed and is tried again once the claim times out.
        log({
          level: 'warn',
          msg: 'mail not sent',
          messageId: message.id,
          reason: error instanceof Error ? error.name : 'unknown',
        });
      }
    }
    if (sent.size === 0) return;
    await backend.run((state, ctx) => {
      if (!keepSent) {
        state.outbox = state.outbox.filter((message) => !sent.has(message.id));
        return;
      }
      for (const message of state.outbox) {
        if (sent.has(message.id) && message.delivery) message.delivery.deliveredAt = ctx.now;
      }
    }, OUTBOX_PLAN);
  }

  /** Runs the relay now, or once more after the run in progress. */
  function kick(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await relayOnce().catch((error: unknown) =>
          log({
            level: 'error',
            msg: 'mail relay failed',
            reason: error instanceof Error ? error.name : 'unknown',
          }),
        );
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    kick,
    start() {
      timer ??= setInterval(() => void kick(), MAIL_POLL_INTERVAL_MS);
      timer.unref();
      void kick();
    },
    /** Stops polling and waits for a run in progress. */
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
