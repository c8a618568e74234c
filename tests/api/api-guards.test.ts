import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, JSON_BODY_MAX_BYTES, MINUTE_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import { ATTACHMENT_FILE_FIELD } from '@/api/schemas/tickets';
import { BOB_TOTP_SECRET, DEMO_PASSWORD } from '@/backend/seed';
import { activeAgent, unbindAsAgent } from '../support/agent-api';
import {
  expectError,
  expectOk,
  ORIGIN,
  setupMockApi,
  TRANSPORT_SLACK_BYTES,
} from '../support/api-client';
import { totpAt, wrongCodes } from '../support/mfa';
import { comparableState } from '../support/state-snapshot';
import { created, unbindRequest } from '../support/ticket-api';
import { BUG_REPORT, latestEmailCode, uploadFile } from '../support/tickets';

const api = setupMockApi();
const LOGIN = JSON.stringify({ email: 'alice@example.com', password: DEMO_PASSWORD });
const MiB = 1024 * 1024;

/** A body that counts how much of it was read, streamed in 64 KiB chunks. */
function countedStream(totalBytes: number) {
  const chunk = new Uint8Array(64 * 1024);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, read: () => sent };
}

describe('CSRF: only the console may change state (GUARD-1)', () => {
  it.each([
    ['text/plain', 'the form a page of any site can post'],
    ['application/x-www-form-urlencoded', 'a plain HTML form'],
    ['multipart/form-data; boundary=x', 'a multipart form'],
  ])('refuses a login sent as %s (%s) with 415, and signs nobody in', async (type) => {
    const client = api.client();
    const before = await comparableState(api.server);

    const response = await client.sendRaw('POST', paths.session.href, {
      body: LOGIN,
      headers: { 'Content-Type': type },
    });

    expectError(response, 'UNSUPPORTED_MEDIA_TYPE');
    expect(client.cookie).toBeNull();
    expect(await comparableState(api.server)).toBe(before);
  });

  it('refuses a ticket sent as text/plain JSON with 415, and files nothing', async () => {
    const alice = await api.signedIn('alice@example.com');
    const before = await comparableState(api.server);

    const response = await alice.sendRaw('POST', paths.tickets.href, {
      body: JSON.stringify(BUG_REPORT),
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
    });

    expectError(response, 'UNSUPPORTED_MEDIA_TYPE');
    expect(await comparableState(api.server)).toBe(before);
  });

  it('refuses a form post to an endpoint that takes no body', async () => {
    const alice = await api.signedIn('alice@example.com');

    const response = await alice.sendRaw('POST', paths.enrollmentEmailCode.href, {
      body: 'x=1',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });

    expectError(response, 'UNSUPPORTED_MEDIA_TYPE');
    expect(await api.server.run((state) => state.outbox.length)).toBe(0);
  });

  it('refuses an upload that is not multipart', async () => {
    const alice = await api.signedIn('alice@example.com');

    const response = await alice.sendRaw('POST', paths.ticketAttachments.href, {
      body: 'MZ',
      headers: { 'Content-Type': 'application/octet-stream' },
    });

    expectError(response, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a login from another origin with 403, and signs nobody in', async () => {
    const client = api.client();

    const response = await client.sendRaw('POST', paths.session.href, {
      body: LOGIN,
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
    });

    expectError(response, 'ORIGIN_NOT_ALLOWED');
    expect(client.cookie).toBeNull();
  });

  it('refuses a bodyless DELETE from another origin, and the session lives on', async () => {
    const alice = await api.signedIn('alice@example.com');

    const response = await alice.sendRaw('DELETE', paths.session.href, {
      headers: { Origin: 'https://evil.example' },
    });

    expectError(response, 'ORIGIN_NOT_ALLOWED');
    expectOk(await alice.get(paths.account.href));
  });

  // The console's origin with the other scheme is another origin.
  const otherScheme = ORIGIN.startsWith('https:')
    ? ORIGIN.replace('https:', 'http:')
    : ORIGIN.replace('http:', 'https:');
  it.each(['null', 'http://localhost:8080', otherScheme])(
    'treats Origin %s as another origin',
    async (origin) => {
      const alice = await api.signedIn('alice@example.com');
      const response = await alice.sendRaw('DELETE', paths.session.href, {
        headers: { Origin: origin },
      });
      expectError(response, 'ORIGIN_NOT_ALLOWED');
    },
  );

  it("takes the console's own origin, and a request that sends none", async () => {
    const client = api.client();
    const own = await client.sendRaw('POST', paths.session.href, {
      body: LOGIN,
      headers: { 'Content-Type': 'application/json; charset=utf-8', Origin: ORIGIN },
    });
    expectOk(own);
    expectOk(await client.delete(paths.session.href), 204);
  });

  it('lets reads through from anywhere: a GET changes nothing', async () => {
    const alice = await api.signedIn('alice@example.com');
    const response = await alice.sendRaw('GET', paths.account.href, {
      headers: { Origin: 'https://evil.example' },
    });
    expectOk(response);
  });
});

describe('bodies are read after the session check, and never past their limit (GUARD-5)', () => {
  it('answers an anonymous 20 MiB upload 401 without reading it', async () => {
    const body = countedStream(20 * MiB);

    const response = await api.client().sendRaw('POST', paths.ticketAttachments.href, {
      body: body.stream,
      headers: { 'Content-Type': 'multipart/form-data; boundary=guard' },
      duplex: 'half',
    });

    expectError(response, 'UNAUTHENTICATED');
    expect(body.read()).toBeLessThan(MiB + TRANSPORT_SLACK_BYTES);
  });

  it('answers an upload over the limit 413, reading no further than the limit', async () => {
    const alice = await api.signedIn('alice@example.com');
    const body = countedStream(20 * MiB);

    const response = await alice.sendRaw('POST', paths.ticketAttachments.href, {
      body: body.stream,
      headers: { 'Content-Type': 'multipart/form-data; boundary=guard' },
      duplex: 'half',
    });

    expectError(response, 'PAYLOAD_TOO_LARGE');
    expect(body.read()).toBeLessThan(ATTACHMENT_MAX_BYTES + 2 * MiB + TRANSPORT_SLACK_BYTES);
    expect(await api.server.run((state) => state.attachments.length)).toBe(0);
  });

  it('refuses an upload a mebibyte over the limit', async () => {
    const alice = await api.signedIn('alice@example.com');
    const form = new FormData();
    form.append(
      ATTACHMENT_FILE_FIELD,
      new File([new Uint8Array(ATTACHMENT_MAX_BYTES + MiB)], 'big.zip'),
    );

    const response = await alice.sendRaw('POST', paths.ticketAttachments.href, { body: form });

    expectError(response, 'PAYLOAD_TOO_LARGE');
  });

  it('answers a JSON body over 16 KiB 413, and changes nothing', async () => {
    const alice = await api.signedIn('alice@example.com');
    const before = await comparableState(api.server);
    const padded = { ...BUG_REPORT, description: 'x'.repeat(JSON_BODY_MAX_BYTES) };

    const response = await alice.post(paths.tickets.href, padded);

    expectError(response, 'PAYLOAD_TOO_LARGE');
    expect(await comparableState(api.server)).toBe(before);
  });

  it('answers an anonymous oversize JSON body 401, the session check first', async () => {
    const response = await api.client().post(paths.tickets.href, {
      ...BUG_REPORT,
      description: 'x'.repeat(2 * JSON_BODY_MAX_BYTES),
    });
    expectError(response, 'UNAUTHENTICATED');
  });
});

describe('a body without a media type (GUARD-1)', () => {
  it('is refused with 415 when there is one', async () => {
    const client = api.client();
    const response = await client.sendRaw('POST', paths.session.href, {
      body: new Blob([LOGIN]),
    });
    expectError(response, 'UNSUPPORTED_MEDIA_TYPE');
    expect(client.cookie).toBeNull();
  });

  it('is judged as a missing body when there is none', async () => {
    const response = await api.client().sendRaw('POST', paths.session.href);
    expectError(response, 'VALIDATION_FAILED');
  });
});

describe('tickets per account are limited (GUARD-5)', () => {
  it('takes 10 in an hour, refuses the 11th with 429 and Retry-After, and takes it once the hour moves on', async () => {
    const alice = await api.signedIn('alice@example.com');
    // The hour below outlasts the default 30 idle minutes (SESSION-3).
    expectOk(await alice.put(paths.accountRetention.href, { idleMinutes: 120, maxDays: 7 }));
    for (let filed = 0; filed < 10; filed++) {
      expectOk(
        await alice.post(paths.tickets.href, { ...BUG_REPORT, title: `Report ${filed}` }),
        201,
      );
      api.time.advance(MINUTE_MS);
    }

    const eleventh = await alice.post(paths.tickets.href, BUG_REPORT);

    const error = expectError(eleventh, 'RATE_LIMITED');
    // The first of the ten was filed 10 minutes ago: it leaves the window in 50.
    expect(error.retryAfter).toBe(50 * 60);
    expect(eleventh.headers.get('Retry-After')).toBe(String(50 * 60));
    api.time.advance(50 * MINUTE_MS);
    expectOk(await alice.post(paths.tickets.href, BUG_REPORT), 201);
  });

  it('counts per account: a colleague still files', async () => {
    const alice = await api.signedIn('alice@example.com');
    for (let filed = 0; filed < 10; filed++) {
      expectOk(await alice.post(paths.tickets.href, BUG_REPORT), 201);
    }
    const owner = await api.signedIn('owner@example.com');
    expectOk(await owner.post(paths.tickets.href, BUG_REPORT), 201);
  });
});

describe('file names lose invisible characters (GUARD-6)', () => {
  it.each([
    ['a right-to-left override', 'report\u202Eexe.png', 'reportexe.png'],
    ['a left-to-right isolate', 'scan\u2066.png', 'scan.png'],
    ['zero-width characters', 'id\u200B-card\u200D.png', 'id-card.png'],
    ['a byte-order mark', '\uFEFFphoto.png', 'photo.png'],
    ['a line separator', 'a\u2028b.png', 'ab.png'],
    ['control characters', 'log\u0007\u001b.txt', 'log.txt'],
  ])('drops %s before storing and showing it', async (_, name, stored) => {
    const alice = await api.signedIn('alice@example.com');

    const response = await uploadFile(alice, name, 'content');

    expectOk(response, 201);
    expect((response.body as { name: string }).name).toBe(stored);
    expect(await api.server.run((state) => state.attachments.map((file) => file.name))).toEqual([
      stored,
    ]);
  });
});

describe('email codes for tickets (issue 12, smaller items)', () => {
  it('answers 409 MFA_NOT_BOUND to an account without MFA asking where its ticket code would go', async () => {
    const alice = await api.signedIn('alice@example.com');
    expectError(await alice.get(paths.ticketEmailCode.href), 'MFA_NOT_BOUND');
  });

  it('keeps the bind quota whole however many ticket codes were asked for', async () => {
    const bob = await api.signedIn('bob@example.com');
    for (let sent = 0; sent < 5; sent++) {
      expectOk(await bob.post(paths.ticketEmailCode.href));
      api.time.advance(MINUTE_MS);
    }
    expectError(await bob.post(paths.ticketEmailCode.href), 'RATE_LIMITED');
    const quotas = await api.server.run((state, ctx) =>
      ['bind', 'ticket'].map(
        (purpose) =>
          state.emailSends.filter(
            (send) => send.purpose === purpose && ctx.now - send.at < 60 * MINUTE_MS,
          ).length,
      ),
    );
    expect(quotas).toEqual([0, 5]);
  });
});

describe('lockouts cannot be cycled forever (GUARD-4)', () => {
  // 200 real password hashes: about 14 s alone, longer beside the rest of the suite on 2 cores.
  it('blocks password entry after 100 failures in a row across lockouts, the right password too, known or not', async () => {
    const known = api.client();
    const unknown = api.client();
    for (let failure = 1; failure <= 100; failure++) {
      const answers = await Promise.all([
        known.logIn('alice@example.com', 'wrong password'),
        unknown.logIn('nobody@example.com', 'wrong password'),
      ]);
      // The two answers never tell a known email from an unknown one.
      expect(answers[0].text).toBe(answers[1].text);
      if (failure % 5 === 0) api.time.advance(15 * MINUTE_MS);
    }

    const right = await known.logIn('alice@example.com');
    expectError(right, 'RESET_REQUIRED');
    expect(right.headers.get('Retry-After')).toBeNull();
    expect((await unknown.logIn('nobody@example.com', DEMO_PASSWORD)).text).toBe(right.text);
    api.time.advance(48 * 60 * MINUTE_MS);
    expectError(await known.logIn('alice@example.com'), 'RESET_REQUIRED');
    const mail = await api.server.run((state) => state.outbox.map((entry) => entry.subject));
    expect(mail).toContain('Sign-in blocked after 100 failed attempts');
  }, 60_000);

  it('blocks code entry after 100 wrong codes in a row across lockouts, until an agent acts', async () => {
    const bob = await api.signedIn('bob@example.com');
    for (let failure = 1; failure <= 100; failure++) {
      const [wrong = ''] = wrongCodes(BOB_TOTP_SECRET, api.time.now, 1);
      const answer = await bob.post(paths.sessionMfa.href, { code: wrong });
      expect(answer.status).not.toBe(200);
      if (failure % 5 === 0) {
        api.time.advance(15 * MINUTE_MS);
        // A new login after each lock: a pending login lasts 10 minutes.
        expectOk(await bob.logIn('bob@example.com'));
      }
    }
    const blocked = await bob.post(paths.sessionMfa.href, {
      code: totpAt(BOB_TOTP_SECRET, api.time.now),
    });
    expectError(blocked, 'RESET_REQUIRED');
    api.time.advance(24 * 60 * MINUTE_MS);
    expectOk(await bob.logIn('bob@example.com'));
    expectError(
      await bob.post(paths.sessionMfa.href, { code: totpAt(BOB_TOTP_SECRET, api.time.now) }),
      'RESET_REQUIRED',
    );

    // Customer service acts on his Unbind MFA ticket: entry opens again.
    expectOk(await bob.post(paths.ticketEmailCode.href));
    const ticket = await created(
      await bob.post(
        paths.tickets.href,
        unbindRequest(await latestEmailCode(api.server, 'bob@example.com')),
      ),
    );
    const support = await activeAgent(api);
    expectOk(await support.post(paths.supportTicketAccept.href(ticket.id)));
    expectOk(await unbindAsAgent(api, support, ticket.id));
    expect(
      await api.server.run(
        (state) => state.accounts.find((account) => account.id === 'acc_bob')?.codeFailuresInARow,
      ),
    ).toBe(0);
  });
});

describe('password hashing (GUARD-7, SERVER-4)', () => {
  it("hashes every login once with the host's hasher, an unknown email the same as a known one", async () => {
    const before = api.passwordHashes();
    const known = await api.client().logIn('alice@example.com', 'wrong password');
    const unknown = await api.client().logIn('nobody@example.com', 'wrong password');

    expect(known.text).toBe(unknown.text);
    expect(api.passwordHashes() - before).toBe(2);
  });
});
