import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@/api/limits';
import { accountById } from '@/backend/domain/accounts';
import { sendEmailCode } from '@/backend/domain/email-codes';
import { sha256Hex } from '@/backend/domain/encoding';
import { createTestServer } from '../support/domain-server';
import { ALICE, emailCodeTests, otherThan, OWNER } from '../support/email-codes';
import { latestEmailCode } from '../support/mfa';
import { scriptedRandomBytes } from '../support/random';

const { t, send, sendAndRead, consume } = emailCodeTests();

describe('sendEmailCode', () => {
  it('emails the account a 6-digit code for the purpose, and says when to resend', async () => {
    const sent = await send(ALICE.id, 'bind');

    expect(sent).toEqual({ resendAvailableAt: t.time.now + MINUTE_MS });
    const state = await t.snapshot();
    expect(state.outbox).toHaveLength(1);
    expect(state.outbox[0]).toMatchObject({
      to: 'alice@example.com',
      subject: 'Your verification code for binding MFA',
      sentAt: t.time.now,
    });
    expect(state.outbox[0]?.body).toMatch(/^Your verification code is \d{6}\. /);
    expect(state.outbox[0]?.body).toContain('valid for 10 minutes');
  });

  it('names the purpose of a ticket code in its email', async () => {
    await send(ALICE.id, 'ticket');

    expect((await t.snapshot()).outbox[0]?.subject).toBe(
      'Your verification code for an Unbind MFA ticket',
    );
  });

  it('makes 6-digit codes with leading zeros kept', async () => {
    const server = createTestServer({
      randomBytes: scriptedRandomBytes([Uint8Array.of(0, 0, 0, 42)]),
    });

    await server.server.run((state, ctx) =>
      sendEmailCode(state, ctx, accountById(state, ALICE.id), 'bind'),
    );

    expect(latestEmailCode((await server.snapshot()).outbox, ALICE.email)).toBe('000042');
  });

  it('draws again rather than bias the digits when the random value is past the last full range', async () => {
    // 0xFFF13D80 = 4294000000 is the first 32-bit value past the last whole million.
    const server = createTestServer({
      randomBytes: scriptedRandomBytes([
        Uint8Array.of(0xff, 0xff, 0xff, 0xff),
        Uint8Array.of(0xff, 0xf1, 0x3d, 0x80),
        Uint8Array.of(0xff, 0xf1, 0x3d, 0x7f),
      ]),
    });

    await server.server.run((state, ctx) =>
      sendEmailCode(state, ctx, accountById(state, ALICE.id), 'bind'),
    );

    // 0xFFF13D7F = 4293999999, the last value in range: 999999.
    expect(latestEmailCode((await server.snapshot()).outbox, ALICE.email)).toBe('999999');
  });

  it('makes codes that vary from send to send', async () => {
    const server = createTestServer();
    const codes = new Set<string>();
    for (let i = 0; i < 5; i++) {
      await server.server.run((state, ctx) =>
        sendEmailCode(state, ctx, accountById(state, ALICE.id), 'bind'),
      );
      codes.add(latestEmailCode((await server.snapshot()).outbox, ALICE.email));
      server.time.advance(MINUTE_MS);
    }

    expect(codes.size).toBeGreaterThanOrEqual(4);
  });

  it('stores only a salted hash: the code is nowhere in the stored codes (MOCK-5)', async () => {
    const code = await sendAndRead(ALICE);

    const { emailCodes } = await t.snapshot();
    expect(emailCodes).toHaveLength(1);
    expect(JSON.stringify(emailCodes)).not.toContain(code);
    expect(emailCodes[0]).toMatchObject({
      accountId: ALICE.id,
      purpose: 'bind',
      expiresAt: t.time.now + 10 * MINUTE_MS,
      failures: 0,
    });
    expect(emailCodes[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(emailCodes[0]?.hash).not.toBe(sha256Hex(code));
    expect(emailCodes[0]?.salt.length).toBeGreaterThanOrEqual(16);
  });

  it('salts each code afresh, so equal codes do not give equal hashes', async () => {
    const server = createTestServer({
      // Per send: the code (123456 both times), the salt, the email's id.
      randomBytes: scriptedRandomBytes([
        Uint8Array.of(0, 1, 0xe2, 0x40),
        new Uint8Array(16).fill(1),
        new Uint8Array(12).fill(1),
        Uint8Array.of(0, 1, 0xe2, 0x40),
        new Uint8Array(16).fill(2),
        new Uint8Array(12).fill(2),
      ]),
    });
    await server.server.run((state, ctx) => {
      sendEmailCode(state, ctx, accountById(state, ALICE.id), 'bind');
    });
    server.time.advance(MINUTE_MS);
    await server.server.run((state, ctx) => {
      sendEmailCode(state, ctx, accountById(state, OWNER.id), 'bind');
    });

    const { emailCodes, outbox } = await server.snapshot();
    expect(latestEmailCode(outbox, ALICE.email)).toBe('123456');
    expect(latestEmailCode(outbox, OWNER.email)).toBe('123456');
    expect(emailCodes).toHaveLength(2);
    expect(emailCodes[0]?.salt).not.toBe(emailCodes[1]?.salt);
    expect(emailCodes[0]?.hash).not.toBe(emailCodes[1]?.hash);
  });
});

describe('consumeEmailCode', () => {
  it('accepts the right code for its account and purpose', async () => {
    const code = await sendAndRead(ALICE);

    expect(await consume(ALICE.id, code)).toBe(true);
    expect((await t.snapshot()).emailCodes).toEqual([]);
  });

  it('accepts the code until its 10 minutes are up', async () => {
    const code = await sendAndRead(ALICE);

    t.time.advance(10 * MINUTE_MS - 1);

    expect(await consume(ALICE.id, code)).toBe(true);
  });

  it('refuses an expired code', async () => {
    const code = await sendAndRead(ALICE);

    t.time.advance(10 * MINUTE_MS);

    expect(await consume(ALICE.id, code)).toMatchObject({ code: 'INVALID_EMAIL_CODE' });
  });

  it('is single use', async () => {
    const code = await sendAndRead(ALICE);
    await consume(ALICE.id, code);

    expect(await consume(ALICE.id, code)).toMatchObject({ code: 'INVALID_EMAIL_CODE' });
  });

  it("is bound to its purpose: a 'bind' code is refused for 'ticket', and stays usable", async () => {
    const code = await sendAndRead(ALICE, 'bind');

    expect(await consume(ALICE.id, code, 'ticket')).toMatchObject({ code: 'INVALID_EMAIL_CODE' });
    expect(await consume(ALICE.id, code, 'bind')).toBe(true);
  });

  it('is refused for the other purpose even when that purpose has a code of its own', async () => {
    const bindCode = await sendAndRead(ALICE, 'bind');
    t.time.advance(MINUTE_MS);
    const ticketCode = await sendAndRead(ALICE, 'ticket');
    expect(ticketCode).not.toBe(bindCode);

    expect(await consume(ALICE.id, bindCode, 'ticket')).toMatchObject({
      code: 'INVALID_EMAIL_CODE',
    });
    expect(await consume(ALICE.id, ticketCode, 'bind')).toMatchObject({
      code: 'INVALID_EMAIL_CODE',
    });
    expect(await consume(ALICE.id, ticketCode, 'ticket')).toBe(true);
    expect(await consume(ALICE.id, bindCode, 'bind')).toBe(true);
  });

  it('is bound to its account', async () => {
    const code = await sendAndRead(ALICE);
    t.time.advance(MINUTE_MS);
    await send(OWNER.id);

    expect(await consume(OWNER.id, code)).toMatchObject({ code: 'INVALID_EMAIL_CODE' });
    expect(await consume('acc_bob', code)).toMatchObject({ code: 'INVALID_EMAIL_CODE' });
    expect(await consume(ALICE.id, code)).toBe(true);
  });

  it('is invalidated by a newer code for the same purpose', async () => {
    const older = await sendAndRead(ALICE);
    t.time.advance(MINUTE_MS);
    const newer = await sendAndRead(ALICE);
    expect(newer).not.toBe(older);

    expect(await consume(ALICE.id, older)).toMatchObject({ code: 'INVALID_EMAIL_CODE' });
    expect(await consume(ALICE.id, newer)).toBe(true);
    expect((await t.snapshot()).emailCodes).toEqual([]);
  });

  it('survives 4 wrong tries', async () => {
    const code = await sendAndRead(ALICE);
    for (let offset = 1; offset <= 4; offset++) {
      expect(await consume(ALICE.id, otherThan(code, offset))).toMatchObject({
        code: 'INVALID_EMAIL_CODE',
      });
    }

    expect((await t.snapshot()).emailCodes[0]?.failures).toBe(4);
    expect(await consume(ALICE.id, code)).toBe(true);
  });

  it('is voided by 5 wrong tries: then even the right one is refused', async () => {
    const code = await sendAndRead(ALICE);
    for (let offset = 1; offset <= 5; offset++) await consume(ALICE.id, otherThan(code, offset));

    expect((await t.snapshot()).emailCodes).toEqual([]);
    expect(await consume(ALICE.id, code)).toMatchObject({ code: 'INVALID_EMAIL_CODE' });
  });

  it('counts wrong tries per code: a new code starts from zero', async () => {
    const first = await sendAndRead(ALICE);
    for (let offset = 1; offset <= 4; offset++) await consume(ALICE.id, otherThan(first, offset));
    t.time.advance(MINUTE_MS);
    const second = await sendAndRead(ALICE);
    for (let offset = 1; offset <= 4; offset++) await consume(ALICE.id, otherThan(second, offset));

    expect(await consume(ALICE.id, second)).toBe(true);
  });

  it('gives one and the same refusal for wrong, expired, used and never-sent codes', async () => {
    const refusals = [];
    refusals.push(await consume(OWNER.id, '123456'));
    const code = await sendAndRead(ALICE);
    refusals.push(await consume(ALICE.id, otherThan(code)));
    await consume(ALICE.id, code);
    refusals.push(await consume(ALICE.id, code));
    t.time.advance(MINUTE_MS);
    const expiring = await sendAndRead(ALICE);
    t.time.advance(10 * MINUTE_MS);
    refusals.push(await consume(ALICE.id, expiring));

    for (const refusal of refusals) {
      expect(refusal).toMatchObject({
        code: 'INVALID_EMAIL_CODE',
        message: 'INVALID_EMAIL_CODE',
        retryAfterMs: null,
        fieldErrors: null,
      });
    }
  });
});
