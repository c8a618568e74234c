import { canonicalEmail } from '../domain/accounts';
import type { DomainContext } from '../domain/context';
import { loginThrottleKey } from '../domain/sessions';
import type { EmailCodePurpose, ServerState } from '../domain/state';

const EMAIL_CODE_PURPOSES: readonly EmailCodePurpose[] = ['bind', 'ticket', 'reset'];
import type { CollectionName } from '../store/collections';
import { type LoadPlan, mergePlans, type Pick } from '../store/load-plan';
import type { Key, KeyRange } from '../store/record-backend';

/**
 * What every endpoint reads, by name (ADR 0024). A plan may be wrong in two
 * ways: a collection it does not load at all fails loudly when the rules
 * touch it (NotLoadedError), but a record it should have picked and did not
 * is silently absent, and the rules answer "not found" or count too few. So
 * each plan below says why it holds every record its rules can look at.
 * No plan loads a collection whole, but the dev tools'.
 */

/** What a plan's stages know of the request besides what is loaded. */
export interface RequestFacts {
  ctx: DomainContext;
  params: Readonly<Record<string, string>>;
  body: unknown;
  headers: Headers;
  /** SHA-256 of the request's session token; null without one. */
  tokenHash: string | null;
  /** The account of the request's session, when its token names a loaded session. */
  accountId: string | null;
}

/** What an endpoint loads (ADR 0017); admission's picks are added by the builder. */
export type EndpointPlan = LoadPlan<RequestFacts>;

/** Every key [prefix, …] of a compound index, whatever its second part. */
export const underPrefix = (prefix: Key): KeyRange => ({ lower: [prefix], upper: [prefix, []] });

/** The ids not loaded yet, once each: a record loaded already is not read again. */
export function notLoaded(
  loaded: readonly { id: string }[],
  ids: readonly (string | null | undefined)[],
): string[] {
  const have = new Set(loaded.map((record) => record.id));
  return [...new Set(ids)].filter((id): id is string => typeof id === 'string' && !have.has(id));
}

export const accountsByKey = (ids: readonly string[]): Pick => ({ from: 'accounts', keys: ids });
export const workspacesByKey = (ids: readonly string[]): Pick => ({
  from: 'workspaces',
  keys: ids,
});
export const sessionsOfAccount = (accountId: string): Pick => ({
  from: 'sessions',
  index: 'accountId',
  range: { only: accountId },
});
/** An account's security keys, by index: at most SECURITY_KEYS_MAX (KEY-1). */
export const keysOfAccount = (accountId: string): Pick => ({
  from: 'securityKeys',
  index: 'accountId',
  range: { only: accountId },
});
/**
 * An account's whole security log, by index: recordAudit keeps at most
 * AUDIT_MAX_ENTRIES_PER_ACCOUNT per account by counting them, so a step that
 * records one reads them all (a bounded number).
 */
export const auditOfAccount = (accountId: string): Pick => ({
  from: 'audit',
  index: 'accountAt',
  range: underPrefix(accountId),
});
/**
 * REMEMBER-1: an account's remembered browsers, by index. There are at most
 * REMEMBERED_BROWSERS_MAX_PER_ACCOUNT, so whatever checks a cookie, keeps
 * the cap or forgets them all reads a bounded number.
 */
export const rememberedOfAccount = (accountId: string): Pick => ({
  from: 'rememberedBrowsers',
  index: 'accountId',
  range: { only: accountId },
});

export const throttleOfEmail = (email: string): Pick => ({
  from: 'loginThrottle',
  keys: [loginThrottleKey(email)],
});
const accountWithEmail = (email: string): Pick => ({
  from: 'accounts',
  index: 'email',
  range: { only: canonicalEmail(email) },
});
/** MOCK-5: the account's code for one purpose, by its key, and its sends, for the quota. */
const emailCodePicks = (accountId: string, purpose: EmailCodePurpose): Pick[] => [
  { from: 'emailCodes', keys: [[accountId, purpose]] },
  { from: 'emailSends', index: 'accountId', range: { only: accountId } },
];

const emailOf = (body: unknown): string | null => {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email : null;
};
/** The account a body's email names, once a stage has picked it by the index. */
const accountNamedBy = (view: ServerState, body: unknown) => {
  const email = emailOf(body);
  return email === null
    ? undefined
    : view.accounts.find((account) => account.email === canonicalEmail(email));
};

/**
 * Settling the caller (the endpoint builder's admission): the session its
 * token names, that session's account, memberships and bind wizard, and the
 * workspaces of those memberships and of the session. Every gate of
 * endpoint.ts (workspaceGate, requireEnrollmentAccess, reconcile) looks at
 * nothing else; a workspace the caller is no member of is not found anyway.
 */
export const ADMISSION_PLAN: EndpointPlan = {
  append: ['sessions', 'accounts', 'memberships', 'enrollments', 'workspaces', 'endedSessions'],
  pickFrom: [
    'sessions',
    'accounts',
    'memberships',
    'enrollments',
    'workspaces',
    'endedSessions',
    'securityKeys',
  ],
  stages: [
    (_view, { tokenHash }) =>
      tokenHash === null
        ? []
        : [{ from: 'sessions', index: 'tokenHash', range: { only: tokenHash } }],
    // A token that names no session may name one ended from elsewhere: why, by its key.
    (view, { tokenHash }) =>
      tokenHash === null || view.sessions.length > 0
        ? []
        : [{ from: 'endedSessions', keys: [tokenHash], readOnly: true }],
    (view) => {
      const accountIds = view.sessions.map((session) => session.accountId);
      return [
        accountsByKey(accountIds),
        { from: 'enrollments', keys: view.sessions.map((session) => session.id) },
        ...accountIds.map(
          (id) => ({ from: 'memberships', index: 'accountId', range: { only: id } }) as const,
        ),
        // KEY-2: a session owing its code says whether a key may answer it.
        ...view.sessions
          .filter((session) => session.state === 'mfa_required')
          .map((session) => keysOfAccount(session.accountId)),
      ];
    },
    (view) => [
      workspacesByKey(
        notLoaded(view.workspaces, [
          ...view.memberships.map((membership) => membership.workspaceId),
          ...view.sessions.map((session) => session.workspaceId),
        ]),
      ),
    ],
  ],
};

/** What settling the caller loads is all the operation reads. */
export const CALLER_ONLY: EndpointPlan = {};

/** The caller's remembered browsers: to list, forget, or add one at the code step. */
export const CALLER_REMEMBERED: EndpointPlan = {
  pickFrom: ['rememberedBrowsers'],
  stages: [(_view, { accountId }) => (accountId === null ? [] : [rememberedOfAccount(accountId)])],
};

/** The meta record alone, which every transaction loads: dev settings, notice, ticket sequence. */
export const SETTINGS_ONLY: LoadPlan<unknown> = {};

/** Emails are only added: the store keeps the outbox's cap. */
export const MAIL: EndpointPlan = { append: ['outbox'] };

/** LOG-1: the caller's security log, to read a page of or to add to. */
export const CALLER_LOG: EndpointPlan = {
  pickFrom: ['audit'],
  stages: [(_view, { accountId }) => (accountId === null ? [] : [auditOfAccount(accountId)])],
};

/** A step that checks a code or changes the account: it may log it and email the holder. */
export const CALLER_LOG_AND_MAIL = mergePlans(CALLER_LOG, MAIL);

/**
 * Every session of the caller's account, by index: listing them, ending the
 * others, applying a new retention time (SESSION-1 to SESSION-3). Expired
 * ones come too, so the purge on the way drops them.
 */
export const CALLER_SESSIONS: EndpointPlan = {
  pickFrom: ['sessions', 'rememberedBrowsers'],
  // REMEMBER-1: what ends the other sessions forgets the remembered browsers too.
  stages: [
    (_view, { accountId }) =>
      accountId ? [sessionsOfAccount(accountId), rememberedOfAccount(accountId)] : [],
  ],
};

/** SESSION-1: signing sessions out reads every session of the account, and logs it. */
export const SIGNS_OUT = mergePlans(CALLER_SESSIONS, CALLER_LOG);

/** SESSION-2: the other sessions end and this one is issued again; both are logged and emailed. */
export const REISSUES_SESSION = mergePlans(CALLER_LOG_AND_MAIL, CALLER_SESSIONS);

/**
 * Binding, unbinding or changing the authenticator drops every bind wizard
 * of the account, not only this session's: one left open in another session
 * would go on to bind without the email step. Wizards are keyed by their
 * session, so they are picked by the keys of every session of the account
 * (a wizard of a session already deleted can never be reached again).
 */
export const BINDING_CHANGE = mergePlans(REISSUES_SESSION, {
  pickFrom: ['enrollments'],
  stages: [
    (view, { accountId }) => [
      {
        from: 'enrollments',
        keys: view.sessions
          .filter((session) => session.accountId === accountId)
          .map((session) => session.id),
      },
    ],
  ],
});

/**
 * MOCK-5: when the caller may be sent the next code: their sends, by index,
 * and their codes by key, since only a code still alive makes them wait.
 */
export const CALLER_EMAIL_SENDS: EndpointPlan = {
  pickFrom: ['emailSends', 'emailCodes'],
  stages: [
    (_view, { accountId }) =>
      accountId === null
        ? []
        : [
            { from: 'emailSends', index: 'accountId', range: { only: accountId } },
            {
              from: 'emailCodes',
              keys: EMAIL_CODE_PURPOSES.map((purpose) => [accountId, purpose]),
              readOnly: true,
            },
          ],
  ],
};

/**
 * MOCK-5: the caller's code for one purpose, by its key [account, purpose]:
 * sending one replaces it, so it must be loaded or the new one would be a
 * second record under the same key; and the sends, and the email.
 */
export const callerEmailCode = (purpose: EmailCodePurpose): EndpointPlan => ({
  append: ['outbox'],
  pickFrom: ['emailCodes', 'emailSends'],
  stages: [
    (_view, { accountId }) => (accountId === null ? [] : emailCodePicks(accountId, purpose)),
  ],
});

/**
 * LOGIN-1: the throttle of the typed email, by its key, and the account with
 * that email, by the index; then that account's sessions (the login purges
 * its expired ones), remembered browsers (one may skip the code, REMEMBER-1),
 * memberships (where it lands) and security log, and the
 * workspaces of the memberships (whether one enforces MFA). The throttle is
 * picked for any email, known or not, so a lockout reveals nothing.
 */
export const LOGIN: EndpointPlan = {
  append: ['outbox'],
  pickFrom: [
    'accounts',
    'loginThrottle',
    'sessions',
    'memberships',
    'audit',
    'workspaces',
    'rememberedBrowsers',
    'securityKeys',
  ],
  stages: [
    (_view, { body }) => {
      const email = emailOf(body);
      return email === null ? [] : [accountWithEmail(email), throttleOfEmail(email)];
    },
    (view, { body }) => {
      const account = accountNamedBy(view, body);
      return account
        ? [
            sessionsOfAccount(account.id),
            rememberedOfAccount(account.id),
            { from: 'memberships', index: 'accountId', range: { only: account.id } },
            auditOfAccount(account.id),
            // KEY-2: the code step says whether a key may answer it.
            keysOfAccount(account.id),
          ]
        : [];
    },
    (view) => [
      workspacesByKey(
        notLoaded(
          view.workspaces,
          view.memberships.map((membership) => membership.workspaceId),
        ),
      ),
    ],
  ],
};

/** GUARD-7: what the login's first transaction reads: the salt of the account with that email. */
export const saltOfEmail = (email: string): LoadPlan<unknown> => ({
  pickFrom: ['accounts'],
  stages: [() => [accountWithEmail(email)]],
});

/** GUARD-7: the salt of one account, by its key. */
export const saltOfAccount = (accountId: string): LoadPlan<unknown> => ({
  pickFrom: ['accounts'],
  stages: [() => [accountsByKey([accountId])]],
});

/**
 * PASSWORD-1: the current password is counted like a login's, by the
 * throttle of the account's email; then the other sessions end.
 */
export const PASSWORD_CHANGE = mergePlans(REISSUES_SESSION, {
  pickFrom: ['loginThrottle'],
  stages: [
    (view, { accountId }) => {
      const account = view.accounts.find((candidate) => candidate.id === accountId);
      return account ? [throttleOfEmail(account.email)] : [];
    },
  ],
});

/**
 * PASSWORD-2, first step: the account the email names, by the index, and its
 * reset code, sends and the email. An unknown email reads nothing more.
 */
export const RESET_CODE_SEND: EndpointPlan = {
  append: ['outbox'],
  pickFrom: ['accounts', 'emailCodes', 'emailSends'],
  stages: [
    (_view, { body }) => {
      const email = emailOf(body);
      return email === null ? [] : [accountWithEmail(email)];
    },
    (view, { body }) => {
      const account = accountNamedBy(view, body);
      return account ? emailCodePicks(account.id, 'reset') : [];
    },
  ],
};

/**
 * PASSWORD-2: the account the email names and its throttle (a proven email
 * reopens it); then its reset code, every session of it (all end) and its
 * security log.
 */
export const PASSWORD_RESET: EndpointPlan = {
  append: ['outbox'],
  pickFrom: ['accounts', 'loginThrottle', 'emailCodes', 'sessions', 'audit', 'rememberedBrowsers'],
  stages: [
    (_view, { body }) => {
      const email = emailOf(body);
      return email === null ? [] : [accountWithEmail(email), throttleOfEmail(email)];
    },
    (view, { body }) => {
      const account = accountNamedBy(view, body);
      return account
        ? [
            { from: 'emailCodes', keys: [[account.id, 'reset']] },
            sessionsOfAccount(account.id),
            rememberedOfAccount(account.id),
            auditOfAccount(account.id),
          ]
        : [];
    },
  ],
};

/** Some collections whole, nothing picked: the dev tools, which show all of them. */
export const only = (...names: CollectionName[]): EndpointPlan => ({ whole: names, pickFrom: [] });

/** MOCK-8: a batch of the large demo checks and adds the members whole; the tickets are only added. */
export const LARGE_DEMO_BATCH: EndpointPlan = {
  whole: ['accounts', 'memberships', 'workspaces'],
  append: ['tickets'],
};
