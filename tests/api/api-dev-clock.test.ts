import { describe, expect, it } from 'vitest';
import { MINUTE_MS, RETENTION_IDLE_MINUTES_DEFAULT } from '@/api/limits';
import { paths } from '@/api/paths';
import { authenticatorSchema } from '@/api/schemas/dev';
import { sessionSchema } from '@/api/schemas/session';
import { BOB_TOTP_SECRET, SUPPORT_TOTP_SECRET } from '@/backend/seed';
import { expectError, setupMockApi } from '../support/api-client';
import { DEFAULT_SETTINGS, settingsOf } from '../support/dev-api';
import { START_MS } from '../support/fake-clock';
import { totpAt } from '../support/mfa';

/** MOCK-8: the dev tools' authenticator, and the server clock it and every rule follow. */
const api = setupMockApi();
const settingsNow = () => settingsOf(api);

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
