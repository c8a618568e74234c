import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { startTestServer } from './support/test-server';

interface Received {
  from: string;
  to: string[];
  data: string;
}

const smtpServers: SMTPServer[] = [];

afterEach(async () => {
  for (const smtp of smtpServers.splice(0))
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

/** A real SMTP server on loopback that keeps what it is sent (SERVER-5). */
async function startSmtp(): Promise<{
  url: string;
  received: Received[];
  next: () => Promise<Received>;
}> {
  const received: Received[] = [];
  const waiting: ((message: Received) => void)[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        data += chunk;
      });
      stream.on('end', () => {
        const message = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          data,
        };
        received.push(message);
        waiting.shift()?.(message);
        callback();
      });
    },
  });
  smtpServers.push(smtp);
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    next: () =>
      received.length > waiting.length
        ? Promise.resolve(received[waiting.length] as Received)
        : new Promise((resolve) => waiting.push(resolve)),
  };
}

function askResetCode(url: string) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'alice@example.com' }),
  });
}

describe('mail over SMTP (SERVER-5)', () => {
  it('sends what the domain emails through a real SMTP server, once', async () => {
    const smtp = await startSmtp();
    const server = await startTestServer({ smtpUrl: smtp.url, mailFrom: 'console@example.com' });

    expect((await askResetCode(server.url(paths.passwordResetEmailCode.href))).status).toBe(200);
    const message = await smtp.next();

    expect(message.from).toBe('console@example.com');
    expect(message.to).toEqual(['alice@example.com']);
    expect(message.data).toMatch(/\b\d{6}\b/);
    // Demo mode keeps it for the mailbox, marked as delivered; it is not sent twice.
    await server.relayMail();
    const outbox = await server.backend.run((state) => state.outbox, { whole: ['outbox'] });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.delivery?.deliveredAt).toEqual(expect.any(Number));
    expect(smtp.received).toHaveLength(1);
  });

  it('in production sends it and keeps no copy, since it may hold a code', async () => {
    const smtp = await startSmtp();
    const server = await startTestServer({ mode: 'production', smtpUrl: smtp.url });
    // Production has no demo accounts to email: a message is put in the outbox directly.
    await server.backend.run(
      (state) => {
        state.outbox.push({
          id: 'mail_1',
          to: 'ops@example.com',
          subject: 'Hello',
          body: 'Code 123456',
          sentAt: 0,
        });
      },
      { whole: ['outbox'] },
    );
    await server.relayMail();

    const message = await smtp.next();
    expect(message.to).toEqual(['ops@example.com']);
    await expect
      .poll(() => server.backend.run((state) => state.outbox.length, { whole: ['outbox'] }))
      .toBe(0);
  });
});
