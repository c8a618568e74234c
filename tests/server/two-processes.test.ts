import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { codeAt, stepAt } from '@/backend/domain/totp';
import { BOB_TOTP_SECRET, DEMO_PASSWORD, SUPPORT_TOTP_SECRET } from '@/backend/seed';
import { IP_EMAIL_LIMIT } from '../../server/http/ip-limits';
import { createTestSchema, type TestSchema } from '../support/postgres-schema';
import { type ServerProcess, startServerProcess } from './support/server-process';

// SERVER-7 on SERVER-8: two server processes on one PostgreSQL behave as one server.
// This file runs only in the postgres project, which exists when PG_TEST_URL is set.

const COOKIE_SECRET = 'two-processes-share-this-cookie-secret-0123';

let schema: TestSchema;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  schema = await createTestSchema();
  // Both processes open the secrets the other sealed: one DATA_KEY, as a team's servers share.
  // One proxy in front, so each test can speak from an address of its own (SERVER-9).
  const env = {
    PORT: '0',
    DATABASE_URL: schema.url,
    COOKIE_SECRET,
    DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
    TRUST_PROXY: '1',
  };
  // Both at once on the empty schema: they migrate and seed it once between them.
  [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
}, 60_000);

afterAll(async () => {
  for (const server of [a, b]) server?.child.kill('SIGKILL');
  await Promise.all([a, b].map((server) => server?.exited));
  await schema?.drop();
});

interface Answer {
  status: number;
  cookie: string | null;
  body: Record<string, unknown> | null;
}

async function call(
  server: ServerProcess,
  method: string,
  path: string,
  options: { cookie?: string | null; body?: unknown; from?: string; language?: string } = {},
): Promise<Answer> {
  const response = await fetch(`http://127.0.0.1:${server.port}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(options.cookie ? { Cookie: options.cookie } : {}),
      ...(options.from ? { 'X-Forwarded-For': options.from } : {}),
      ...(options.language ? { 'Accept-Language': options.language } : {}),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    cookie: (response.headers.get('Set-Cookie') ?? '').split(';')[0] || null,
    body: text === '' ? null : (JSON.parse(text) as Record<string, unknown>),
  };
}

const errorCode = (answer: Answer) => (answer.body?.error as { code?: string } | undefined)?.code;

async function pendingSession(server: ServerProcess, email: string): Promise<string> {
  const login = await call(server, 'POST', paths.session.href, {
    body: { email, password: DEMO_PASSWORD },
  });
  expect(login.status).toBe(200);
  if (!login.cookie) throw new Error(`no session cookie for ${email}`);
  return login.cookie;
}

const currentCode = (secret: string) => codeAt(secret, stepAt(Date.now()));

// Real processes hashing real passwords (production's scrypt) on a busy 2-core machine: a ceiling, not a wait.
describe('two server processes on one PostgreSQL (SERVER-7)', { timeout: 120_000 }, () => {
  it('seed one set of demo accounts between them', async () => {
    const client = new Client(schema.config);
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM accounts');
      expect(Number(rows[0]?.n)).toBe(5);
    } finally {
      await client.end();
    }
  });

  it('give exactly one success for 20 parallel right codes sent half to each', async () => {
    const sessions = await Promise.all(
      Array.from({ length: 20 }, (_, i) => pendingSession(i % 2 ? b : a, 'bob@example.com')),
    );
    const code = currentCode(BOB_TOTP_SECRET);

    const answers = await Promise.all(
      sessions.map((cookie, i) =>
        call(i % 2 ? b : a, 'POST', paths.sessionMfa.href, { cookie, body: { code } }),
      ),
    );

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    const refusals = answers.filter((answer) => answer.status !== 200).map(errorCode);
    expect(refusals).toHaveLength(19);
    expect(refusals.every((code) => code === 'INVALID_CODE' || code === 'CODE_LOCKED')).toBe(true);
  });

  it('hold a lockout begun on one process on the other', async () => {
    const onA = await pendingSession(a, 'support@example.com');
    const right = currentCode(SUPPORT_TOTP_SECRET);
    const wrong = right === '000000' ? '111111' : '000000';
    const tries: (string | undefined)[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      tries.push(
        errorCode(
          await call(a, 'POST', paths.sessionMfa.href, { cookie: onA, body: { code: wrong } }),
        ),
      );
    }
    expect(tries).toEqual([...Array(4).fill('INVALID_CODE'), 'CODE_LOCKED']);

    const onB = await pendingSession(b, 'support@example.com');
    const answer = await call(b, 'POST', paths.sessionMfa.href, {
      cookie: onB,
      body: { code: right },
    });

    expect([answer.status, errorCode(answer)]).toEqual([429, 'CODE_LOCKED']);
  });

  it('honour on one process a session made on the other, and its end', async () => {
    const cookie = await pendingSession(a, 'alice@example.com');

    const seenOnB = await call(b, 'GET', paths.session.href, { cookie });
    expect(seenOnB.status).toBe(200);
    expect(seenOnB.body?.state).not.toBe('anonymous');

    expect((await call(b, 'DELETE', paths.session.href, { cookie })).status).toBeLessThan(300);
    expect((await call(a, 'GET', paths.session.href, { cookie })).body).toEqual({
      state: 'anonymous',
    });
  });

  it('accept on one process an email code sent by the other', async () => {
    const newPassword = 'Observability-2027';
    const sent = await call(a, 'POST', paths.passwordResetEmailCode.href, {
      body: { email: 'carol@example.com' },
    });
    expect(sent.status).toBe(200);

    const mailbox = await call(b, 'GET', paths.devMailbox.href);
    const messages = (mailbox.body?.messages ?? []) as { to: string; body: string }[];
    const code = messages
      .find((message) => message.to === 'carol@example.com')
      ?.body.match(/verification code is (\d{6})\b/)?.[1];
    expect(code).toMatch(/^\d{6}$/);

    const reset = await call(b, 'POST', paths.passwordReset.href, {
      body: { email: 'carol@example.com', code, newPassword },
    });
    expect(reset.status).toBe(204);
    const login = await call(a, 'POST', paths.session.href, {
      body: { email: 'carol@example.com', password: newPassword },
    });
    expect(login.status).toBe(200);
  });

  it('email in the language an account last used on the other one', async () => {
    const cookie = await pendingSession(a, 'owner@example.com');
    expect((await call(a, 'GET', paths.session.href, { cookie, language: 'zh-CN' })).status).toBe(
      200,
    );

    // Asked for with no language of the console's: the account's last one decides.
    const sent = await call(b, 'POST', paths.passwordResetEmailCode.href, {
      body: { email: 'owner@example.com' },
      from: '203.0.113.23',
    });
    expect(sent.status).toBe(200);

    const mailbox = await call(a, 'GET', paths.devMailbox.href);
    const messages = (mailbox.body?.messages ?? []) as { to: string; subject: string }[];
    expect(messages.find((message) => message.to === 'owner@example.com')?.subject).toBe(
      '重置密码的验证码',
    );
  });

  it('refuse an address once its budget is spent between them, not once on each', async () => {
    const from = '203.0.113.9';
    const sendCode = (server: ServerProcess, i: number) =>
      call(server, 'POST', paths.passwordResetEmailCode.href, {
        body: { email: `nobody-${i}@example.com` },
        from,
      });

    const spent = await Promise.all(
      Array.from({ length: IP_EMAIL_LIMIT.max }, (_, i) => sendCode(i % 2 ? b : a, i)),
    );
    const over = [await sendCode(a, -1), await sendCode(b, -2)];

    expect(spent.map((answer) => answer.status).filter((status) => status !== 200)).toEqual([]);
    expect(over.map((answer) => [answer.status, errorCode(answer)])).toEqual([
      [429, 'RATE_LIMITED'],
      [429, 'RATE_LIMITED'],
    ]);
  });
});
