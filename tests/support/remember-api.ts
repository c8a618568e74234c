import { expect } from 'vitest';
import { paths } from '@/api/paths';
import { auditListSchema } from '@/api/schemas/mfa';
import { rememberedBrowserListSchema } from '@/api/schemas/remember';
import { sessionSchema } from '@/api/schemas/session';
import { findAccountByEmail } from '@/backend/domain/accounts';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import { type ApiClient, expectOk, type MockApi } from './api-client';
import { STEP_MS, totpAt } from './mfa';

/** The REMEMBER-1 steps over HTTP: one browser per client, its cookies kept across logins. */
export function rememberApiSteps(api: MockApi) {
  /** A code of bob's published secret on a step the account has not used yet (MOCK-3). */
  async function freshCode(email: string): Promise<string> {
    const lastUsed = await api.server.run(
      (state) => findAccountByEmail(state, email)?.mfa?.lastUsedStep ?? 0,
    );
    while (Math.floor(api.time.now / STEP_MS) <= lastUsed) api.time.advance(STEP_MS);
    return totpAt(BOB_TOTP_SECRET, api.time.now);
  }

  /** Logs `browser` in with the password; returns the session's state and whole answer. */
  async function logIn(browser: ApiClient, email: string) {
    const response = await browser.logIn(email);
    expectOk(response);
    return sessionSchema.parse(response.body);
  }

  /** Password, then the code with "Don't ask again" ticked: the browser is remembered. */
  async function rememberedLogIn(browser: ApiClient, email: string) {
    expect((await logIn(browser, email)).state).toBe('mfa_required');
    const verified = await browser.post(paths.sessionMfa.href, {
      code: await freshCode(email),
      rememberBrowser: true,
    });
    expectOk(verified);
    return verified;
  }

  async function logOut(browser: ApiClient) {
    expectOk(await browser.delete(paths.session.href), 204);
  }

  /** A browser remembered for `email`, now logged out again. */
  async function rememberedBrowser(email: string): Promise<ApiClient> {
    const browser = api.client();
    await rememberedLogIn(browser, email);
    await logOut(browser);
    return browser;
  }

  async function listOf(browser: ApiClient) {
    const response = await browser.get(paths.rememberedBrowsers.href);
    expectOk(response);
    return rememberedBrowserListSchema.parse(response.body).browsers;
  }

  async function eventsOf(browser: ApiClient) {
    const response = await browser.get(`${paths.accountAudit.href}?pageSize=50`);
    expectOk(response);
    return auditListSchema.parse(response.body).events;
  }

  /** What the store holds for the account: the records, as a copy. */
  async function storedFor(accountId: string) {
    return api.server.run((state) =>
      structuredClone(state.rememberedBrowsers.filter((entry) => entry.accountId === accountId)),
    );
  }

  return {
    freshCode,
    logIn,
    rememberedLogIn,
    logOut,
    rememberedBrowser,
    listOf,
    eventsOf,
    storedFor,
  };
}
