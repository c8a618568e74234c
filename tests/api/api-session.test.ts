import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import { accountSchema } from '@/api/schemas/account';
import { sessionSchema } from '@/api/schemas/session';
import { DEMO_PASSWORD } from '@/backend/seed';
import { agentCode } from '../support/agent-api';
import { expectError, setupMockApi } from '../support/api-client';

const api = setupMockApi();

async function storedSessionsAndThrottle() {
  return api.server.run((state) => ({
    sessions: state.sessions.length,
    throttled: state.loginThrottle.length,
  }));
}

describe('GET /api/v1/session', () => {
  it('answers anonymous without a cookie, and is never cached', async () => {
    const response = await api.client().get(paths.session.href);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ state: 'anonymous' });
    expect(response.headers.get('Cache-Control')).toBe('no-store');
  });

  it('answers anonymous for a cookie the server never issued', async () => {
    const client = api.client();
    client.cookie = 'forged-token';

    const response = await client.get(paths.session.href);

    expect(response.body).toEqual({ state: 'anonymous' });
  });
});

describe('POST /api/v1/session: validation (MOCK-1)', () => {
  it.each([
    ['no fields', {}, { email: 'required', password: 'required' }],
    ['no password', { email: 'owner@example.com' }, { password: 'required' }],
    ['no email', { password: DEMO_PASSWORD }, { email: 'required' }],
    [
      'wrong types',
      { email: 42, password: ['Guance', '2026'] },
      { email: 'invalid_type', password: 'invalid_type' },
    ],
    [
      'an extra field',
      { email: 'owner@example.com', password: DEMO_PASSWORD, remember: true },
      { remember: 'unrecognized_key' },
    ],
    [
      'an invalid email',
      { email: 'owner-at-example.com', password: DEMO_PASSWORD },
      { email: 'invalid_format' },
    ],
    [
      'a 10 kB password',
      { email: 'owner@example.com', password: 'x'.repeat(10 * 1024) },
      { password: 'too_big' },
    ],
    ['an empty password', { email: 'owner@example.com', password: '' }, { password: 'required' }],
    ['an array instead of an object', [], { _: 'invalid_type' }],
    ['null', null, { _: 'invalid_type' }],
  ])('answers 400 with field errors for %s, and changes nothing', async (_label, body, fields) => {
    const client = api.client();

    const response = await client.post(paths.session.href, body);

    const error = expectError(response, 'VALIDATION_FAILED');
    expect(error.fieldErrors).toEqual(fields);
    expect(response.headers.get('Set-Cookie')).toBeNull();
    expect(client.cookie).toBeNull();
    expect(await storedSessionsAndThrottle()).toEqual({ sessions: 0, throttled: 0 });
  });

  it.each([
    ['not JSON at all', 'email=owner@example.com&password=x'],
    ['truncated JSON', '{"email":"owner@example.com","password":'],
    ['an empty body', ''],
  ])('answers 400 for %s', async (_label, raw) => {
    const response = await api.client().send('POST', paths.session.href, { raw });

    const error = expectError(response, 'VALIDATION_FAILED');
    expect(error.fieldErrors).toEqual({ _: 'invalid_json' });
    expect(await storedSessionsAndThrottle()).toEqual({ sessions: 0, throttled: 0 });
  });

  it('does not count invalid requests towards a lockout', async () => {
    const client = api.client();
    for (let attempt = 0; attempt < 6; attempt++) {
      expectError(
        await client.logIn('owner@example.com', 'x'.repeat(10 * 1024)),
        'VALIDATION_FAILED',
      );
    }

    const response = await client.logIn('owner@example.com');

    expect(response.status).toBe(200);
  });
});

describe('POST /api/v1/session: credentials (LOGIN-1)', () => {
  it('answers 401 INVALID_CREDENTIALS, identical for a wrong password and an unknown email', async () => {
    const wrongPassword = await api.client().logIn('alice@example.com', 'Guance@2025');
    const unknownEmail = await api.client().logIn('nobody@example.com', DEMO_PASSWORD);

    expect(expectError(wrongPassword, 'INVALID_CREDENTIALS')).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: 'Incorrect email or password.',
    });
    expect(unknownEmail.status).toBe(wrongPassword.status);
    expect(unknownEmail.body).toEqual(wrongPassword.body);
    expect(unknownEmail.headers.get('Retry-After')).toBeNull();
    expect(wrongPassword.headers.get('Set-Cookie')).toBeNull();
  });

  it('answers 429 with Retry-After 900 on the 5th wrong password, and counts down', async () => {
    const client = api.client();
    for (let attempt = 1; attempt <= 4; attempt++) {
      expectError(
        await client.logIn('alice@example.com', `wrong-${attempt}`),
        'INVALID_CREDENTIALS',
      );
    }

    const locked = await client.logIn('alice@example.com', 'wrong-5');
    expect(expectError(locked, 'ACCOUNT_LOCKED').retryAfter).toBe(900);
    expect(locked.headers.get('Retry-After')).toBe('900');

    api.time.advance(5 * MINUTE_MS);
    const stillLocked = await client.logIn('alice@example.com');
    expect(expectError(stillLocked, 'ACCOUNT_LOCKED').retryAfter).toBe(600);
    expect(stillLocked.headers.get('Retry-After')).toBe('600');
    expect(client.cookie).toBeNull();

    api.time.advance(10 * MINUTE_MS);
    expect((await client.logIn('alice@example.com')).status).toBe(200);
  });

  it('locks an unknown email with the same answer as a known one', async () => {
    const lockOut = async (email: string) => {
      const client = api.client();
      for (let attempt = 1; attempt < 5; attempt++) await client.logIn(email, 'wrong');
      return client.logIn(email, 'wrong');
    };

    const known = await lockOut('alice@example.com');
    const unknown = await lockOut('nobody@example.com');

    expectError(unknown, 'ACCOUNT_LOCKED');
    expect(unknown.body).toEqual(known.body);
    expect(unknown.headers.get('Retry-After')).toBe(known.headers.get('Retry-After'));
  });

  it('treats the email case-insensitively for login and lockout alike', async () => {
    const client = api.client();
    for (let attempt = 0; attempt < 5; attempt++) {
      await client.logIn(attempt % 2 ? 'ALICE@example.com' : 'alice@example.com', 'wrong');
    }

    expectError(await client.logIn('Alice@Example.com'), 'ACCOUNT_LOCKED');
  });
});

describe('POST /api/v1/session: success', () => {
  it('sets an HttpOnly session cookie and answers the session, never cached', async () => {
    const client = api.client();

    const response = await client.logIn('owner@example.com');

    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const setCookie = response.headers.get('Set-Cookie') ?? '';
    // GUARD-1: __Host- pins it to this origin; Secure, HttpOnly and SameSite=Lax.
    expect(setCookie).toMatch(/^__Host-gsid=[^;]+;/);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).not.toMatch(/Domain=/i);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(client.cookie).not.toBeNull();
    expect(JSON.stringify(response.body)).not.toContain(client.cookie);

    expect(sessionSchema.parse(response.body)).toEqual({
      state: 'active',
      user: {
        id: 'acc_owner',
        email: 'owner@example.com',
        name: 'Olivia Owner',
        kind: 'member',
        mfaBound: false,
        recoveryCodesLeft: null,
      },
      workspaces: [
        {
          id: 'ws_demo',
          name: 'Demo Workspace',
          role: 'owner',
          mfaRequired: false,
          mfaGraceEndsAt: null,
        },
        {
          id: 'ws_secure',
          name: 'Secure Workspace',
          role: 'owner',
          mfaRequired: true,
          mfaGraceEndsAt: null,
        },
      ],
      currentWorkspaceId: 'ws_demo',
    });
  });

  it('lets GET /session answer the same session with the cookie', async () => {
    const client = api.client();
    const login = await client.logIn('owner@example.com');

    const session = await client.get(paths.session.href);

    expect(session.status).toBe(200);
    expect(session.headers.get('Cache-Control')).toBe('no-store');
    expect(session.body).toEqual(login.body);
  });

  it.each([
    [
      'bob@example.com',
      {
        state: 'mfa_required',
        email: 'bob@example.com',
        canRememberBrowser: true,
        hasSecurityKey: false,
      },
    ],
    [
      'carol@example.com',
      {
        state: 'mfa_setup_required',
        email: 'carol@example.com',
        workspace: { id: 'ws_secure', name: 'Secure Workspace' },
      },
    ],
  ])('answers the pending state for %s, expiring 10 minutes from now', async (email, expected) => {
    const client = api.client();

    const login = await client.logIn(email);
    const session = await client.get(paths.session.href);

    expect(sessionSchema.parse(login.body)).toEqual({
      ...expected,
      expiresAt: new Date(api.time.now + 10 * MINUTE_MS).toISOString(),
    });
    expect(session.body).toEqual(login.body);
  });

  it('answers the support agent active once past its code, with no workspace (TICKET-11)', async () => {
    const client = api.client();

    const login = await client.logIn('support@example.com');
    expect(sessionSchema.parse(login.body).state).toBe('mfa_required');
    const verified = await client.post(paths.sessionMfa.href, { code: await agentCode(api) });

    expect(sessionSchema.parse(verified.body)).toMatchObject({
      state: 'active',
      user: { kind: 'agent' },
      workspaces: [],
      currentWorkspaceId: null,
    });
  });

  it('keeps two clients in two sessions at once', async () => {
    const owner = await api.signedIn('owner@example.com');
    const bob = await api.signedIn('bob@example.com');

    expect(await owner.get(paths.session.href)).toMatchObject({
      body: { state: 'active', user: { email: 'owner@example.com' } },
    });
    expect(await bob.get(paths.session.href)).toMatchObject({
      body: { state: 'mfa_required', email: 'bob@example.com' },
    });
  });

  it('answers GET /account for an active session', async () => {
    const client = await api.signedIn('alice@example.com');

    const response = await client.get(paths.account.href);

    expect(response.status).toBe(200);
    expect(accountSchema.parse(response.body)).toEqual({
      id: 'acc_alice',
      email: 'alice@example.com',
      name: 'Alice Chen',
      createdAt: new Date(api.time.now).toISOString(),
      mfa: { bound: false, boundAt: null, recoveryCodesLeft: null },
      retention: { idleMinutes: 30, maxDays: 7 },
    });
  });

  it('answers anonymous once an active session has been idle for 30 minutes (SESSION-3)', async () => {
    const client = await api.signedIn('owner@example.com');

    api.time.advance(30 * MINUTE_MS);

    expect((await client.get(paths.session.href)).body).toEqual({ state: 'anonymous' });
    expectError(await client.get(paths.account.href), 'SESSION_EXPIRED');
  });
});

describe('DELETE /api/v1/session (LOGIN-7)', () => {
  it('ends the session on the server: the old cookie no longer works', async () => {
    const client = await api.signedIn('owner@example.com');
    const oldCookie = client.cookie;

    const response = await client.delete(paths.session.href);

    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
    expect(response.headers.get('Set-Cookie')).toMatch(/^__Host-gsid=;.*Secure.*Max-Age=0/);
    expect(client.cookie).toBeNull();

    client.cookie = oldCookie;
    expect((await client.get(paths.session.href)).body).toEqual({ state: 'anonymous' });
    expectError(await client.get(paths.account.href), 'UNAUTHENTICATED');
    expect(await api.server.run((state) => state.sessions.length)).toBe(0);
  });

  it('ends a pending session too', async () => {
    const client = await api.signedIn('bob@example.com');
    const oldCookie = client.cookie;

    await client.delete(paths.session.href);

    client.cookie = oldCookie;
    expect((await client.get(paths.session.href)).body).toEqual({ state: 'anonymous' });
  });

  it("leaves another client's session alone", async () => {
    const owner = await api.signedIn('owner@example.com');
    const alice = await api.signedIn('alice@example.com');

    await owner.delete(paths.session.href);

    expect((await alice.get(paths.account.href)).status).toBe(200);
  });

  it('answers 204 without a session as well', async () => {
    const response = await api.client().delete(paths.session.href);

    expect(response.status).toBe(204);
  });
});
