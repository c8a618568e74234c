import { describe, expect, it, vi } from 'vitest';
import { DAY_MS, MINUTE_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import { type DevSettings, devStatusSchema, mailboxSchema } from '@/api/schemas/dev';
import { findAccountByEmail } from '@/backend/domain/accounts';
import { sendEmail } from '@/backend/domain/mail';
import type { AccountRecord, ServerState } from '@/backend/domain/state';
import { expectError, setupMockApi } from '../support/api-client';
import { DEFAULT_SETTINGS, settingsOf } from '../support/dev-api';

const api = setupMockApi();
const settingsNow = () => settingsOf(api);

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
