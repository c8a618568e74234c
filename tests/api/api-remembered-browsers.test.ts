import { describe, expect, it } from 'vitest';
import { DAY_MS, SECOND_MS } from '@/api/limits';
import { paths } from '@/api/paths';
import { mfaPolicySchema } from '@/api/schemas/workspace';
import { sha256Hex } from '@/backend/domain/encoding';
import {
  REMEMBERED_BROWSER_TTL_MS,
  REMEMBERED_BROWSERS_MAX_PER_ACCOUNT,
} from '@/backend/domain/remembered-browsers';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import {
  type ApiClient,
  expectError,
  expectOk,
  ON_SERVER,
  setupMockApi,
} from '../support/api-client';
import { wrongCodes } from '../support/mfa';
import { mfaApiSteps } from '../support/mfa-api';
import { rememberApiSteps } from '../support/remember-api';
import { ticketApiSteps } from '../support/ticket-api';

const api = setupMockApi();
const { bind } = mfaApiSteps(api);
const { bindMfa } = ticketApiSteps(api);
const {
  freshCode,
  logIn,
  rememberedLogIn,
  logOut,
  rememberedBrowser,
  listOf,
  eventsOf,
  storedFor,
} = rememberApiSteps(api);

/** The token a cookie value carries: the server signs it (`token.signature`), the mock does not. */
const tokenOf = (cookie: string) => (ON_SERVER ? cookie.slice(0, cookie.lastIndexOf('.')) : cookie);

/** The Owner, bound and past the code, so both of their workspaces admit them. */
async function activeOwner(): Promise<ApiClient> {
  const owner = await api.signedIn('owner@example.com');
  await bind(owner, 'owner@example.com');
  return owner;
}

describe('remembering a browser at the login code step (REMEMBER-1)', () => {
  it('offers the box only where every workspace allows it', async () => {
    const bob = api.client();
    expect(await logIn(bob, 'bob@example.com')).toMatchObject({
      state: 'mfa_required',
      canRememberBrowser: true,
    });
    await bindMfa('carol@example.com');
    expect(await logIn(api.client(), 'carol@example.com')).toMatchObject({
      canRememberBrowser: false,
    });
  });

  it('skips the code at the next login with the password, and says so', async () => {
    const browser = api.client();
    const verified = await rememberedLogIn(browser, 'bob@example.com');
    expect(verified.body).toMatchObject({ state: 'active' });
    await logOut(browser);
    api.time.advance(DAY_MS);

    const again = await logIn(browser, 'bob@example.com');

    expect(again).toMatchObject({ state: 'active', rememberedBrowser: true });
    const [listed] = await listOf(browser);
    expect(listed).toMatchObject({
      current: true,
      lastUsedAt: new Date(api.time.now).toISOString(),
    });
    const events = (await eventsOf(browser)).map((entry) => entry.event);
    expect(events.slice(0, 1)).toEqual(['signin.remembered_browser']);
    expect(events).toContain('browser.remembered');
  });

  it('sets an HttpOnly, Strict, Secure cookie for 30 days, and stores only its hash', async () => {
    const browser = api.client();
    await rememberedLogIn(browser, 'bob@example.com');

    const setCookie = browser.rememberCookieSet ?? '';
    expect(setCookie).toMatch(/^__Host-grb=/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(new RegExp(`; Max-Age=${REMEMBERED_BROWSER_TTL_MS / SECOND_MS}`));
    const token = tokenOf(browser.rememberCookie ?? '');
    const [stored] = await storedFor('acc_bob');
    expect(stored?.tokenHash).toBe(sha256Hex(token));
    const everything = await api.server.run((state) => JSON.stringify(state));
    expect(everything).not.toContain(token);
  });

  it('ignores a token of another account: its code is asked as usual', async () => {
    const bobs = await rememberedBrowser('bob@example.com');
    await bindMfa('alice@example.com');
    const alice = api.client();
    alice.rememberCookie = bobs.rememberCookie;

    expect((await logIn(alice, 'alice@example.com')).state).toBe('mfa_required');
  });

  it('ignores a token 30 days and one second after it was remembered', async () => {
    const browser = await rememberedBrowser('bob@example.com');
    api.time.advance(REMEMBERED_BROWSER_TTL_MS - SECOND_MS);
    expect((await logIn(browser, 'bob@example.com')).state).toBe('active');
    await logOut(browser);

    api.time.advance(2 * SECOND_MS);

    expect((await logIn(browser, 'bob@example.com')).state).toBe('mfa_required');
  });

  it('ignores a cookie it never issued', async () => {
    const browser = api.client();
    browser.rememberCookie = 'made-up-token';
    expect((await logIn(browser, 'bob@example.com')).state).toBe('mfa_required');
  });

  it('is not stopped by a code lockout: it guesses no code (ADR 0032)', async () => {
    const browser = await rememberedBrowser('bob@example.com');
    const guesser = api.client();
    await logIn(guesser, 'bob@example.com');
    for (const code of wrongCodes(BOB_TOTP_SECRET, api.time.now, 5)) {
      await guesser.post(paths.sessionMfa.href, { code });
    }
    expectError(
      await guesser.post(paths.sessionMfa.href, { code: await freshCode('bob@example.com') }),
      'CODE_LOCKED',
    );

    expect((await logIn(browser, 'bob@example.com')).state).toBe('active');
  });

  it('keeps at most 20 browsers per account, dropping the oldest', async () => {
    const first = await rememberedBrowser('bob@example.com');
    for (let count = 1; count <= REMEMBERED_BROWSERS_MAX_PER_ACCOUNT; count += 1) {
      await rememberedBrowser('bob@example.com');
    }

    expect(await storedFor('acc_bob')).toHaveLength(REMEMBERED_BROWSERS_MAX_PER_ACCOUNT);
    expect((await logIn(first, 'bob@example.com')).state).toBe('mfa_required');
  });
});

describe('the workspace policy (REMEMBER-1)', () => {
  it('switched off by the Owner, makes existing tokens ignored and refuses new ones', async () => {
    const bob = await rememberedBrowser('bob@example.com');
    const owner = await activeOwner();

    const changed = await owner.put(paths.workspaceRememberPolicy.href('ws_demo'), {
      allowed: false,
    });

    expectOk(changed);
    expect(mfaPolicySchema.parse(changed.body).rememberedBrowsers).toEqual({
      allowed: false,
      locked: false,
    });
    expect(await logIn(bob, 'bob@example.com')).toMatchObject({
      state: 'mfa_required',
      canRememberBrowser: false,
    });
    const refused = await bob.post(paths.sessionMfa.href, {
      code: await freshCode('bob@example.com'),
      rememberBrowser: true,
    });
    expectError(refused, 'FORBIDDEN');
    expect((await eventsOf(owner)).map((entry) => entry.event)).toContain(
      'workspace.remembered_browsers_off',
    );
  });

  it('cannot be switched on for a Secure Workspace', async () => {
    const owner = await activeOwner();

    const refused = await owner.put(paths.workspaceRememberPolicy.href('ws_secure'), {
      allowed: true,
    });

    expectError(refused, 'SECURE_WORKSPACE_POLICY');
    const policy = mfaPolicySchema.parse(
      (await owner.get(paths.workspaceSecurity.href('ws_secure'))).body,
    );
    expect(policy.rememberedBrowsers).toEqual({ allowed: false, locked: true });
  });

  it('is the Owner’s alone to change', async () => {
    const alice = await api.signedIn('alice@example.com');
    expectError(
      await alice.put(paths.workspaceRememberPolicy.href('ws_demo'), { allowed: false }),
      'FORBIDDEN',
    );
  });
});

describe('Forget (REMEMBER-1)', () => {
  it('forgets one browser: logged, its cookie cleared, and the next login asks the code', async () => {
    const browser = api.client();
    await rememberedLogIn(browser, 'bob@example.com');
    const [listed] = await listOf(browser);

    expectOk(await browser.delete(paths.rememberedBrowser.href(listed?.id ?? '')), 204);

    expect(browser.rememberCookie).toBeNull();
    expect(await listOf(browser)).toEqual([]);
    expect((await eventsOf(browser))[0]).toMatchObject({
      event: 'browser.forgotten',
      detail: { reason: 'forgotten', count: 1 },
    });
    await logOut(browser);
    expect((await logIn(browser, 'bob@example.com')).state).toBe('mfa_required');
  });

  it('does not find another account’s browser', async () => {
    const bobs = api.client();
    await rememberedLogIn(bobs, 'bob@example.com');
    const [listed] = await listOf(bobs);
    const alice = await api.signedIn('alice@example.com');

    expectError(await alice.delete(paths.rememberedBrowser.href(listed?.id ?? '')), 'NOT_FOUND');
    expect(await storedFor('acc_bob')).toHaveLength(1);
  });
});
