import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '@/api/limits';
import { accountById } from '@/backend/domain/accounts';
import { nextEmailCodeAt, sendEmailCode } from '@/backend/domain/email-codes';
import { verifyLoginCode } from '@/backend/domain/mfa';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import { passwordLogIn } from '../support/domain-server';
import { ALICE, emailCodeTests, otherThan, OWNER } from '../support/email-codes';
import { refusalOf, runAs, totpAt } from '../support/mfa';

/** MOCK-5: how often email codes may be sent, and what they are not good for. */

const { t, send, sendAndRead, consume } = emailCodeTests();

describe('sending limits (MOCK-5)', () => {
  it('allows one send per 60 s per account, and says how long to wait', async () => {
    await send(ALICE.id);

    t.time.advance(MINUTE_MS - 1);
    expect(await refusalOf(send(ALICE.id))).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: 1,
    });

    t.time.advance(1);
    await expect(send(ALICE.id)).resolves.toEqual({ resendAvailableAt: t.time.now + MINUTE_MS });
  });

  it('lets a code voided by wrong tries, or one the clock expired, be replaced at once', async () => {
    const code = await sendAndRead(ALICE);
    for (let offset = 1; offset <= 5; offset++) await consume(ALICE.id, otherThan(code, offset));
    // Nothing left to wait for: the next send goes through inside the 60 s.
    expect(await t.server.run((state, ctx) => nextEmailCodeAt(state, ctx, ALICE.id, 'bind'))).toBe(
      null,
    );
    await expect(send(ALICE.id)).resolves.toBeDefined();

    // A code past its 10 minutes while the dev clock moved: the same.
    await t.server.run((state, ctx) => {
      const live = state.emailCodes.find((entry) => entry.accountId === ALICE.id)!;
      live.expiresAt = ctx.now;
    });
    await expect(send(ALICE.id)).resolves.toBeDefined();

    // The hourly cap still holds: five sends, however their codes ended.
    const expireAll = () =>
      t.server.run((state, ctx) => {
        for (const entry of state.emailCodes) entry.expiresAt = ctx.now;
      });
    for (let sent = 3; sent < 5; sent++) {
      await expireAll();
      await send(ALICE.id);
    }
    await expireAll();
    expect(await refusalOf(send(ALICE.id))).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it("does not carry one session's wait into a new login; the hourly cap stays the account's", async () => {
    await t.server.run((state, ctx) =>
      sendEmailCode(state, ctx, accountById(state, ALICE.id), 'bind', 'ses_first'),
    );
    const next = (sessionId: string) =>
      t.server.run((state, ctx) => nextEmailCodeAt(state, ctx, ALICE.id, 'bind', sessionId));

    expect(await next('ses_first')).toBe(t.time.now + MINUTE_MS);
    expect(await next('ses_second')).toBeNull();
  });

  it("keeps a quota per purpose: ticket codes never use up the bind wizard's", async () => {
    await send(ALICE.id, 'bind');
    t.time.advance(20_000);
    await expect(send(ALICE.id, 'ticket')).resolves.toBeDefined();
    for (let i = 0; i < 4; i++) {
      t.time.advance(MINUTE_MS);
      await send(ALICE.id, 'ticket');
    }
    t.time.advance(MINUTE_MS);
    expect(await refusalOf(send(ALICE.id, 'ticket'))).toMatchObject({ code: 'RATE_LIMITED' });
    await expect(send(ALICE.id, 'bind')).resolves.toBeDefined();
  });

  it('keeps the earlier code valid when a resend is refused', async () => {
    const code = await sendAndRead(ALICE);
    t.time.advance(30_000);
    await refusalOf(send(ALICE.id));

    const state = await t.snapshot();
    expect(state.outbox).toHaveLength(1);
    expect(await consume(ALICE.id, code)).toBe(true);
  });

  it('limits each account on its own', async () => {
    await send(ALICE.id);

    await expect(send(OWNER.id)).resolves.toEqual({ resendAvailableAt: t.time.now + MINUTE_MS });
  });

  it('refuses the 6th send within an hour even after 60 s gaps; allows it an hour after the first', async () => {
    const firstAt = t.time.now;
    for (let i = 0; i < 5; i++) {
      await send(ALICE.id);
      t.time.advance(MINUTE_MS);
    }

    expect(await refusalOf(send(ALICE.id))).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: firstAt + HOUR_MS - t.time.now,
    });
    t.time.advance(firstAt + HOUR_MS - 1 - t.time.now);
    expect(await refusalOf(send(ALICE.id))).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: 1,
    });

    t.time.advance(1);
    await expect(send(ALICE.id)).resolves.toEqual({ resendAvailableAt: t.time.now + MINUTE_MS });
    expect((await t.snapshot()).outbox).toHaveLength(6);
  });

  it('reports the next allowed send, the later of the two limits', async () => {
    const next = () => t.server.run((state, ctx) => nextEmailCodeAt(state, ctx, ALICE.id, 'bind'));
    const firstAt = t.time.now;

    expect(await next()).toBeNull();
    for (let i = 0; i < 4; i++) {
      await send(ALICE.id);
      t.time.advance(MINUTE_MS);
    }
    expect(await next()).toBeNull();
    await send(ALICE.id);
    expect(await next()).toBe(firstAt + HOUR_MS);
  });

  it('does not let refused sends count towards the hourly limit', async () => {
    const firstAt = t.time.now;
    await send(ALICE.id);
    for (let i = 0; i < 10; i++) await refusalOf(send(ALICE.id));
    for (let i = 0; i < 4; i++) {
      t.time.advance(MINUTE_MS);
      await send(ALICE.id);
    }

    expect((await t.snapshot()).outbox).toHaveLength(5);
    t.time.advance(firstAt + HOUR_MS - t.time.now);
    await expect(send(ALICE.id)).resolves.toBeDefined();
  });
});

describe('an email code is never a TOTP code (MOCK-5)', () => {
  it('does not log bob in, and is still good for its own purpose afterwards', async () => {
    const pending = await passwordLogIn(t.server, 'bob@example.com');
    const emailCode = await sendAndRead({ id: 'acc_bob', email: 'bob@example.com' }, 'ticket');
    expect([-1, 0, 1].map((delta) => totpAt(BOB_TOTP_SECRET, t.time.now, delta))).not.toContain(
      emailCode,
    );

    const refusal = await refusalOf(
      runAs(t.server, pending.token, (state, ctx, session) =>
        verifyLoginCode(state, ctx, session, { code: emailCode }),
      ),
    );

    expect(refusal).toMatchObject({ code: 'INVALID_CODE' });
    expect(await consume('acc_bob', emailCode, 'ticket')).toBe(true);
  });
});
