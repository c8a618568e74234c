import { DAY_MS } from '@/api/limits';
import { membershipsOf, workspaceById } from './accounts';
import { recordAudit } from './audit';
import type { DomainContext } from './context';
import { base64Url, randomId, sha256Hex } from './encoding';
import { DomainError } from './errors';
import { USER_AGENT_MAX_LENGTH } from './limits';
import type { RememberedBrowserRecord, ServerState, WorkspaceRecord } from './state';

/** REMEMBER-1: a remembered browser skips the login code this long after it was remembered. */
export const REMEMBERED_BROWSER_TTL_MS = 30 * DAY_MS;
/** REMEMBER-1: an account keeps at most this many; remembering one more drops the oldest. */
export const REMEMBERED_BROWSERS_MAX_PER_ACCOUNT = 20;
/** The token's randomness, as a session token's. */
export const REMEMBERED_BROWSER_TOKEN_BYTES = 32;

/**
 * Why an account's remembered browsers were all forgotten, as the security
 * log says it: a change of password or factor, or signing the others out.
 * `security_key_changed`: a security key was added or removed (KEY-1).
 */
export type ForgetReason =
  | 'password_changed'
  | 'password_reset'
  | 'mfa_bound'
  | 'mfa_unbound'
  | 'authenticator_changed'
  | 'security_key_changed'
  | 'signed_out_others';

/**
 * The Owner's switch, and what a Secure Workspace keeps off whatever the
 * switch says (its profile is set where the workspace is made, in the seed).
 */
export function workspaceAllowsRememberedBrowsers(workspace: WorkspaceRecord): boolean {
  return workspace.securityProfile !== 'secure' && workspace.allowRememberedBrowsers === true;
}

/**
 * REMEMBER-1: only where every workspace of the account allows it. An
 * account in no workspace (customer service) always owes its code.
 */
export function rememberingAllowed(state: ServerState, accountId: string): boolean {
  const workspaces = membershipsOf(state, accountId).map((membership) =>
    workspaceById(state, membership.workspaceId),
  );
  return (
    workspaces.length > 0 &&
    workspaces.every((workspace) => workspace && workspaceAllowsRememberedBrowsers(workspace))
  );
}

/** The account's remembered browsers still valid, most recently used first; expired ones go. */
export function rememberedBrowsersOf(
  state: ServerState,
  ctx: DomainContext,
  accountId: string,
): RememberedBrowserRecord[] {
  state.rememberedBrowsers = state.rememberedBrowsers.filter(
    (browser) => browser.expiresAt > ctx.now,
  );
  return state.rememberedBrowsers
    .filter((browser) => browser.accountId === accountId)
    .sort((a, b) => b.lastUsedAt - a.lastUsedAt);
}

/**
 * Remembers the request's browser for the account; returns the token for
 * its cookie. The oldest beyond the cap are dropped, so one account's
 * records cannot grow without bound.
 */
export function rememberBrowser(state: ServerState, ctx: DomainContext, accountId: string): string {
  if (!rememberingAllowed(state, accountId)) throw new DomainError('FORBIDDEN');
  const token = base64Url(ctx.randomBytes(REMEMBERED_BROWSER_TOKEN_BYTES));
  const userAgent = ctx.userAgent ?? null;
  state.rememberedBrowsers.push({
    id: randomId(ctx.randomBytes, 'rb'),
    accountId,
    tokenHash: sha256Hex(token),
    createdAt: ctx.now,
    lastUsedAt: ctx.now,
    expiresAt: ctx.now + REMEMBERED_BROWSER_TTL_MS,
    userAgent: userAgent === null ? null : userAgent.slice(0, USER_AGENT_MAX_LENGTH),
  });
  const kept = rememberedBrowsersOf(state, ctx, accountId)
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, REMEMBERED_BROWSERS_MAX_PER_ACCOUNT);
  state.rememberedBrowsers = state.rememberedBrowsers.filter(
    (browser) => browser.accountId !== accountId || kept.includes(browser),
  );
  recordAudit(state, ctx, accountId, 'browser.remembered');
  return token;
}

/**
 * The remembered browser a cookie's token names for this account, if it may
 * still skip the code: not another account's, not expired, not forgotten,
 * and every workspace of the account still allows it. Using it marks it.
 */
export function redeemRememberedBrowser(
  state: ServerState,
  ctx: DomainContext,
  accountId: string,
  token: string | null,
): RememberedBrowserRecord | null {
  if (!token || !rememberingAllowed(state, accountId)) return null;
  const tokenHash = sha256Hex(token);
  const browser = rememberedBrowsersOf(state, ctx, accountId).find(
    (candidate) => candidate.tokenHash === tokenHash,
  );
  if (!browser) return null;
  browser.lastUsedAt = ctx.now;
  return browser;
}

/** Which of the account's remembered browsers a cookie's token names, for "this browser". */
export function rememberedBrowserIdOf(state: ServerState, token: string | null): string | null {
  if (!token) return null;
  const tokenHash = sha256Hex(token);
  return state.rememberedBrowsers.find((browser) => browser.tokenHash === tokenHash)?.id ?? null;
}

/** Security Settings: Forget one remembered browser of the caller's account. */
export function forgetRememberedBrowser(
  state: ServerState,
  ctx: DomainContext,
  accountId: string,
  browserId: string,
): void {
  const target = rememberedBrowsersOf(state, ctx, accountId).find(
    (browser) => browser.id === browserId,
  );
  if (!target) throw new DomainError('NOT_FOUND');
  state.rememberedBrowsers = state.rememberedBrowsers.filter((browser) => browser !== target);
  recordAudit(state, ctx, accountId, 'browser.forgotten', { reason: 'forgotten', count: 1 });
}

/**
 * REMEMBER-1: every remembered browser of the account owes the code again. A
 * change of password or factor, and signing the other sessions out, call
 * this; so will adding or removing a security key. Returns how many were
 * forgotten; the security log says so when there were any.
 */
export function forgetRememberedBrowsers(
  state: ServerState,
  ctx: DomainContext,
  accountId: string,
  reason: ForgetReason,
): number {
  const before = state.rememberedBrowsers.length;
  state.rememberedBrowsers = state.rememberedBrowsers.filter(
    (browser) => browser.accountId !== accountId,
  );
  const count = before - state.rememberedBrowsers.length;
  if (count > 0) recordAudit(state, ctx, accountId, 'browser.forgotten', { reason, count });
  return count;
}

/**
 * REMEMBER-1: the Owner's switch on Workspace Settings > Security. A Secure
 * Workspace keeps it off; switching it off makes every token of its members
 * ignored at their next login (rememberingAllowed), without deleting them.
 */
export function setRememberedBrowsersPolicy(
  state: ServerState,
  ctx: DomainContext,
  ownerId: string,
  workspace: WorkspaceRecord,
  allowed: boolean,
): void {
  if (allowed && workspace.securityProfile === 'secure') {
    throw new DomainError('SECURE_WORKSPACE_POLICY');
  }
  if (workspaceAllowsRememberedBrowsers(workspace) === allowed) return;
  workspace.allowRememberedBrowsers = allowed;
  recordAudit(
    state,
    ctx,
    ownerId,
    allowed ? 'workspace.remembered_browsers_on' : 'workspace.remembered_browsers_off',
    { workspace: workspace.name },
  );
}
