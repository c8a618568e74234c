import { describe, expect, it, vi } from 'vitest';
import { DAY_MS, MINUTE_MS, RETENTION_IDLE_MINUTES_DEFAULT } from '@/api/limits';
import { paths } from '@/api/paths';
import {
  authenticatorSchema,
  type DevSettings,
  devStatusSchema,
  mailboxSchema,
} from '@/api/schemas/dev';
import { sessionSchema } from '@/api/schemas/session';
import { findAccountByEmail } from '@/backend/domain/accounts';
import { sendEmail } from '@/backend/domain/mail';
import type { AccountRecord, ServerState } from '@/backend/domain/state';
import { BOB_TOTP_SECRET, SUPPORT_TOTP_SECRET } from '@/backend/seed';
import { expectError, setupMockApi } from '../support/api-client';
import { START_MS } from '../support/fake-clock';
import { totpAt } from '../support/mfa';

const api = setupMockApi();

const DEFAULT_SETTINGS: DevSettings = {
  latencyMs: 0,
  errorRate: 0,
  offline: false,
  clockOffsetMs: 0,
};

async function settingsNow(): Promise<DevSettings> {
  const response = await api.client().get(paths.devStatus.href);
  expect(response.status).toBe(200);
  return devStatusSchema.parse(response.body).settings;
}

function seedOwner(state: ServerState): AccountRecord {
  const account = findAccountByEmail(state, 'owner@example.com');
  if (!account) throw new Error('the seed has no owner@example.com');
  return account;
}

async function lockOut(email: string): Promise<void> {
  const client = api.client();
  for (let attempt = 1; attempt <= 5; attempt++) await client.logIn(email, `wrong-${attempt}`);
}

describe('GET /api/dev/mailbox (MOCK-8)', () => {
  it('starts empty', async () => {
    const response = await api.client().get(paths.devMailbox.href);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ messages: [] });
  });

  it('lists every email newest first, with recipient, subject, body and time', async () => {
    for (const subject of ['first', 'second', 'third']) {
      await api.server.run((state, ctx) =>
        sendEmail(state, ctx, seedOwner(state), () => ({ subject, body: `Body of ${subject}` })),
      );
      api.time.advance(MINUTE_MS);
    }

    const response = await api.client().get(paths.devMailbox.href);

    const { messages } = mailboxSchema.parse(response.body);
    expect(
      messages.map(({ to, subject, body, sentAt }) => ({ to, subject, body, sentAt })),
    ).toEqual([
      {
        to: 'owner@example.com',
        subject: 'third',
        body: 'Body of third',
        sentAt: '2026-01-01T00:02:00.000Z',
      },
      {
        to: 'owner@example.com',
        subject: 'second',
        body: 'Body of second',
        sentAt: '2026-01-01T00:01:00.000Z',
      },
      {
        to: 'owner@example.com',
        subject: 'first',
        body: 'Body of first',
        sentAt: '2026-01-01T00:00:00.000Z',
      },
    ]);
    expect(new Set(messages.map((message) => message.id)).size).toBe(3);
  });

  it('shows the lockout email sent by a failed login', async () => {
    await lockOut('alice@example.com');

    const { messages } = mailboxSchema.parse((await api.client().get(paths.devMailbox.href)).body);

    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      to: 'alice@example.com',
      subject: 'Sign-in locked after failed attempts',
    });
    expect(messages[0]?.body).not.toContain('wrong-');
  });
});

describe('PUT /api/dev/settings', () => {
  it('accepts the limits themselves and reports them in the status', async () => {
    const limits: DevSettings = {
      latencyMs: 3000,
      errorRate: 0.5,
      offline: false,
      clockOffsetMs: -10 * MINUTE_MS,
    };

    const response = await api.client().put(paths.devSettings.href, limits);

    expect(response.status).toBe(200);
    expect(response.body).toEqual(limits);
    expect(await settingsNow()).toEqual(limits);
  });

  it.each([
    ['latency over 3000 ms', { ...DEFAULT_SETTINGS, latencyMs: 3001 }, { latencyMs: 'too_big' }],
    ['negative latency', { ...DEFAULT_SETTINGS, latencyMs: -1 }, { latencyMs: 'too_small' }],
    ['fractional latency', { ...DEFAULT_SETTINGS, latencyMs: 1.5 }, { latencyMs: 'invalid_type' }],
    ['an error rate over 0.5', { ...DEFAULT_SETTINGS, errorRate: 0.51 }, { errorRate: 'too_big' }],
    ['a negative error rate', { ...DEFAULT_SETTINGS, errorRate: -0.1 }, { errorRate: 'too_small' }],
    ['offline as a string', { ...DEFAULT_SETTINGS, offline: 'yes' }, { offline: 'invalid_type' }],
    ['a missing field', { latencyMs: 0, errorRate: 0, clockOffsetMs: 0 }, { offline: 'required' }],
    [
      'a missing clock offset',
      { latencyMs: 0, errorRate: 0, offline: false },
      { clockOffsetMs: 'required' },
    ],
    [
      'a clock offset over 15 days',
      { ...DEFAULT_SETTINGS, clockOffsetMs: 15 * DAY_MS + 1 },
      { clockOffsetMs: 'too_big' },
    ],
    [
      'a clock offset under -15 days',
      { ...DEFAULT_SETTINGS, clockOffsetMs: -15 * DAY_MS - 1 },
      { clockOffsetMs: 'too_small' },
    ],
    [
      'a fractional clock offset',
      { ...DEFAULT_SETTINGS, clockOffsetMs: 0.5 },
      { clockOffsetMs: 'invalid_type' },
    ],
    [
      'a clock offset as a string',
      { ...DEFAULT_SETTINGS, clockOffsetMs: '60000' },
      { clockOffsetMs: 'invalid_type' },
    ],
    ['an extra field', { ...DEFAULT_SETTINGS, timeZone: 'UTC' }, { timeZone: 'unrecognized_key' }],
  ])('refuses %s with 400 and keeps the settings', async (_label, body, fields) => {
    const response = await api.client().put(paths.devSettings.href, body);

    expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual(fields);
    expect(await settingsNow()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('fault switches', () => {
  it('offline makes every /api/v1 request fail at the network, while /api/dev still answers', async () => {
    const owner = await api.signedIn('owner@example.com');
    await api.client().put(paths.devSettings.href, { ...DEFAULT_SETTINGS, offline: true });

    await expect(owner.get(paths.session.href)).rejects.toThrow(TypeError);
    await expect(owner.get(paths.account.href)).rejects.toThrow(TypeError);
    await expect(api.client().logIn('alice@example.com')).rejects.toThrow(TypeError);
    expect(await settingsNow()).toEqual({ ...DEFAULT_SETTINGS, offline: true });
    expect((await api.client().get(paths.devMailbox.href)).status).toBe(200);

    await api.client().put(paths.devSettings.href, DEFAULT_SETTINGS);
    expect((await owner.get(paths.account.href)).status).toBe(200);
    expect(await api.server.run((state) => state.sessions.length)).toBe(1);
  });

  it('errorRate fails a /api/v1 request with 503 when the dice say so, and only then', async () => {
    const owner = await api.signedIn('owner@example.com');
    await api.client().put(paths.devSettings.href, { ...DEFAULT_SETTINGS, errorRate: 0.5 });
    const random = vi.spyOn(Math, 'random');

    random.mockReturnValue(0.49);
    const failed = await owner.get(paths.account.href);
    expect(expectError(failed, 'SERVICE_UNAVAILABLE').message).toBe('Simulated failure.');
    expectError(await api.client().logIn('alice@example.com'), 'SERVICE_UNAVAILABLE');
    expect((await api.client().get(paths.devMailbox.href)).status).toBe(200);

    random.mockReturnValue(0.5);
    expect((await owner.get(paths.account.href)).status).toBe(200);
  });

  it('a 503 from errorRate changes nothing on the server', async () => {
    await api.client().put(paths.devSettings.href, { ...DEFAULT_SETTINGS, errorRate: 0.5 });
    vi.spyOn(Math, 'random').mockReturnValue(0.1);

    expectError(await api.client().logIn('alice@example.com', 'wrong'), 'SERVICE_UNAVAILABLE');

    expect(await api.server.run((state) => state.loginThrottle.length)).toBe(0);
  });
});

describe('POST /api/dev/reset', () => {
  it('restores the seed: sessions, locks, mailbox and switches are gone', async () => {
    const owner = await api.signedIn('owner@example.com');
    await lockOut('alice@example.com');
    await owner.put(paths.sessionWorkspace.href, { workspaceId: 'ws_secure' });
    await api.client().put(paths.devSettings.href, {
      ...DEFAULT_SETTINGS,
      latencyMs: 0,
      errorRate: 0.2,
      clockOffsetMs: 5 * MINUTE_MS,
    });
    vi.spyOn(Math, 'random').mockReturnValue(0.9);

    const response = await api.client().post(paths.devReset.href);

    expect(response.status).toBe(204);
    expect((await owner.get(paths.session.href)).body).toEqual({ state: 'anonymous' });
    expect((await api.client().get(paths.devMailbox.href)).body).toEqual({ messages: [] });
    expect(await settingsNow()).toEqual(DEFAULT_SETTINGS);
    expect((await api.client().logIn('alice@example.com')).status).toBe(200);
    expect((await api.client().logIn('owner@example.com')).body).toMatchObject({
      state: 'active',
      currentWorkspaceId: 'ws_demo',
    });
  });
});

describe('reset notice (MOCK-2)', () => {
  it('reports a corrupt store once in the status, until dismissed', async () => {
    api.restart('{"not": "a state"');

    const status = devStatusSchema.parse((await api.client().get(paths.devStatus.href)).body);
    expect(status.notice).toEqual({ reason: 'corrupt', at: '2026-01-01T00:00:00.000Z' });

    const dismissed = await api.client().delete(paths.devNotice.href);
    expect(dismissed.status).toBe(204);
    expect(
      devStatusSchema.parse((await api.client().get(paths.devStatus.href)).body).notice,
    ).toBeNull();
  });

  it('reports an outdated store, and the seeded accounts work', async () => {
    api.restart({ version: 0, accounts: [] });

    const status = devStatusSchema.parse((await api.client().get(paths.devStatus.href)).body);

    expect(status.notice).toMatchObject({ reason: 'outdated' });
    expect((await api.client().logIn('owner@example.com')).status).toBe(200);
  });

  it('has no notice for a fresh store', async () => {
    const status = devStatusSchema.parse((await api.client().get(paths.devStatus.href)).body);

    expect(status).toEqual({ settings: DEFAULT_SETTINGS, notice: null });
  });
});

describe('GET /api/dev/authenticator (MOCK-8)', () => {
  const STEP = Math.floor(START_MS / 30_000);

  it('shows every bound account with its current and next code, never cached', async () => {
    const response = await api.client().get(paths.devAuthenticator.href);

    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(authenticatorSchema.parse(response.body)).toEqual({
      serverTime: '2026-01-01T00:00:00.000Z',
      accounts: [
        {
          email: 'bob@example.com',
          issuer: 'Guance',
          code: totpAt(BOB_TOTP_SECRET, START_MS),
          nextCode: totpAt(BOB_TOTP_SECRET, START_MS, 1),
          secondsLeft: 30,
        },
        {
          email: 'support@example.com',
          issuer: 'Guance',
          code: totpAt(SUPPORT_TOTP_SECRET, START_MS),
          nextCode: totpAt(SUPPORT_TOTP_SECRET, START_MS, 1),
          secondsLeft: 30,
        },
      ],
    });
    expect(response.text).not.toContain(BOB_TOTP_SECRET);
    expect(response.text).not.toContain(SUPPORT_TOTP_SECRET);
  });

  it('follows the clock: the seconds left count down and the codes move on each step', async () => {
    const first = authenticatorSchema.parse(
      (await api.client().get(paths.devAuthenticator.href)).body,
    );

    api.time.advance(12_500);
    const later = authenticatorSchema.parse(
      (await api.client().get(paths.devAuthenticator.href)).body,
    );
    expect(later.accounts[0]).toMatchObject({ code: first.accounts[0]?.code, secondsLeft: 18 });

    api.time.advance(17_499);
    const last = authenticatorSchema.parse(
      (await api.client().get(paths.devAuthenticator.href)).body,
    );
    expect(last.accounts[0]).toMatchObject({ code: first.accounts[0]?.code, secondsLeft: 1 });

    api.time.advance(1);
    const next = authenticatorSchema.parse(
      (await api.client().get(paths.devAuthenticator.href)).body,
    );
    expect(next.serverTime).toBe('2026-01-01T00:00:30.000Z');
    expect(next.accounts[0]).toMatchObject({
      code: first.accounts[0]?.nextCode,
      nextCode: totpAt(BOB_TOTP_SECRET, api.time.now, 1),
      secondsLeft: 30,
    });
  });

  it('shows a code that logs bob in', async () => {
    const bob = await api.signedIn('bob@example.com');
    const view = authenticatorSchema.parse(
      (await api.client().get(paths.devAuthenticator.href)).body,
    );

    const response = await bob.post(paths.sessionMfa.href, { code: view.accounts[0]?.code });

    expect(response.status).toBe(200);
    expect(sessionSchema.parse(response.body).state).toBe('active');
  });

  it('lists accounts as they bind and unbind', async () => {
    const aliceSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    await api.server.run((state) => {
      for (const account of state.accounts) {
        if (account.id === 'acc_alice') {
          account.mfa = {
            secret: aliceSecret,
            boundAt: START_MS,
            lastUsedStep: STEP,
            recoveryCodes: [],
          };
        }
        if (account.id === 'acc_bob' || account.id === 'acc_support') account.mfa = null;
      }
    });

    const view = authenticatorSchema.parse(
      (await api.client().get(paths.devAuthenticator.href)).body,
    );

    expect(view.accounts).toEqual([
      {
        email: 'alice@example.com',
        issuer: 'Guance',
        code: totpAt(aliceSecret, START_MS),
        nextCode: totpAt(aliceSecret, START_MS, 1),
        secondsLeft: 30,
      },
    ]);
  });
});

describe('server clock offset (MOCK-8)', () => {
  async function setOffset(clockOffsetMs: number): Promise<void> {
    const response = await api.client().put(paths.devSettings.href, {
      ...DEFAULT_SETTINGS,
      clockOffsetMs,
    });
    expect(response.status).toBe(200);
  }

  it('keeps the offset in the status', async () => {
    await setOffset(-90_000);

    expect(await settingsNow()).toEqual({ ...DEFAULT_SETTINGS, clockOffsetMs: -90_000 });
  });

  it("moves the server's clock: the authenticator's server time and codes", async () => {
    await setOffset(2 * MINUTE_MS);

    const view = authenticatorSchema.parse(
      (await api.client().get(paths.devAuthenticator.href)).body,
    );

    expect(view.serverTime).toBe('2026-01-01T00:02:00.000Z');
    expect(view.accounts[0]?.code).toBe(totpAt(BOB_TOTP_SECRET, START_MS + 2 * MINUTE_MS));
  });

  it("moves the server's clock for sessions too: a pending login expires 10 minutes after server time", async () => {
    await setOffset(-3 * MINUTE_MS);

    const response = await api.client().logIn('bob@example.com');

    expect(response.body).toMatchObject({
      state: 'mfa_required',
      expiresAt: '2026-01-01T00:07:00.000Z',
    });
  });

  it("moves the server's clock past the idle time: an active session ends (SESSION-3)", async () => {
    const owner = api.client();
    expect((await owner.logIn('owner@example.com')).body).toMatchObject({ state: 'active' });

    await setOffset((RETENTION_IDLE_MINUTES_DEFAULT + 1) * MINUTE_MS);

    expectError(await owner.get(paths.account.href), 'SESSION_EXPIRED');
  });

  it("refuses a phone's code once the server is more than one step ahead, and accepts the server-time code", async () => {
    const phoneCode = totpAt(BOB_TOTP_SECRET, START_MS);
    await setOffset(2 * MINUTE_MS);
    const serverCode = totpAt(BOB_TOTP_SECRET, START_MS + 2 * MINUTE_MS);
    expect(
      [-1, 0, 1].map((delta) => totpAt(BOB_TOTP_SECRET, START_MS + 2 * MINUTE_MS, delta)),
    ).not.toContain(phoneCode);
    const bob = await api.signedIn('bob@example.com');

    expectError(await bob.post(paths.sessionMfa.href, { code: phoneCode }), 'INVALID_CODE');
    expect((await bob.post(paths.sessionMfa.href, { code: serverCode })).status).toBe(200);
  });

  it("still accepts a phone's code when the server is one step ahead", async () => {
    await setOffset(30_000);
    const bob = await api.signedIn('bob@example.com');

    const response = await bob.post(paths.sessionMfa.href, {
      code: totpAt(BOB_TOTP_SECRET, START_MS),
    });

    expect(response.status).toBe(200);
  });
});
