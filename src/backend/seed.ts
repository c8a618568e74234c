import type { PasswordHash } from './domain/passwords';
import { normalizeRecoveryCode, recoveryCodeHash } from './domain/recovery-codes';
import { DEFAULT_RETENTION } from './domain/retention';
import { RECOVERY_CODE_KEY } from './domain/server-keys';
import { DEFAULT_DEV_SETTINGS, SCHEMA_VERSION, type ServerState } from './domain/state';

/** SPEC section 2: the demo data. These accounts are a contract. */
export const DEMO_PASSWORD = 'Guance@2026';
export const BOB_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
/**
 * RECOVERY-1 came after the seed: bob's recovery codes are demo data like his
 * secret, stored hashed like any set, so his Security Settings count 10 and a
 * tester can sign in with one. The dev tools never show them.
 */
export const BOB_RECOVERY_CODES = [
  'bob2a-demo1',
  'bob2b-demo2',
  'bob2c-demo3',
  'bob2d-demo4',
  'bob2e-demo5',
  'bob2f-demo6',
  'bob2g-demo7',
  'bob2h-demo8',
  'bob2i-demo9',
  'bob2j-demo0',
] as const;
/**
 * TICKET-11: customer service must have MFA to use its console; the demo
 * agent's secret is published in the README (base32 of "GUANCE-SUPPORT-DEMO!").
 */
export const SUPPORT_TOTP_SECRET = 'I5KUCTSDIUWVGVKQKBHVEVBNIRCU2TZB';

const SEEDED_SECRETS: Partial<Record<string, string>> = {
  acc_bob: BOB_TOTP_SECRET,
  acc_support: SUPPORT_TOTP_SECRET,
};

/**
 * The seeded bindings' recovery codes: bob's demo set; the agent has none (its
 * step-up to unbind a member takes a dynamic code only, TICKET-11).
 */
const SEEDED_RECOVERY_CODES: Partial<Record<string, readonly string[]>> = {
  acc_bob: BOB_RECOVERY_CODES,
};

/**
 * Stored like any account's password: a PBKDF2-SHA256 hash (see
 * password-hashing.ts) of DEMO_PASSWORD with the salt `seed:<id>`, made once
 * ahead of time so a first visit hashes nothing. A unit test recomputes each one.
 */
export const DEMO_ACCOUNTS = [
  {
    id: 'acc_owner',
    email: 'owner@example.com',
    name: 'Olivia Owner',
    kind: 'member',
    passwordHash: '770e723d693ddbd4e155ddb6210bd50fbff4030c085948a4b48f6f26fbcbb4c5',
  },
  {
    id: 'acc_alice',
    email: 'alice@example.com',
    name: 'Alice Chen',
    kind: 'member',
    passwordHash: '5b70285d1514c6bd95a0286eeaf4e27bba1acc3f4fe9866e703a291043b84e6d',
  },
  {
    id: 'acc_bob',
    email: 'bob@example.com',
    name: 'Bob Li',
    kind: 'member',
    passwordHash: 'd8c38767678164ad78624ea3ca746f9a346b82f2762b913b527c16d158200d10',
  },
  {
    id: 'acc_carol',
    email: 'carol@example.com',
    name: 'Carol Wang',
    kind: 'member',
    passwordHash: 'c3908246ed806db72bb9d77ce5a5739dbc566e19a9fa7230fcee4aad54d1dbee',
  },
  {
    id: 'acc_support',
    email: 'support@example.com',
    name: 'Guance Support',
    kind: 'agent',
    passwordHash: 'fa15cd011643e11f90efd46b08dd74e4b470c85ccf37aa5ccdfaf1ca5ecaa964',
  },
] as const;

export function demoSalt(accountId: string): string {
  return `seed:${accountId}`;
}

function seededBinding(accountId: string, now: number) {
  const secret = SEEDED_SECRETS[accountId];
  if (!secret) return null;
  const recoveryCodes = (SEEDED_RECOVERY_CODES[accountId] ?? []).map((code) => ({
    hash: recoveryCodeHash(RECOVERY_CODE_KEY, accountId, normalizeRecoveryCode(code) ?? ''),
    usedAt: null,
  }));
  return { secret, boundAt: now, lastUsedStep: 0, recoveryCodes };
}

/** State with nothing in it: what a production server starts from (SERVER-6, no demo seed). */
export function emptyState(): ServerState {
  return {
    version: SCHEMA_VERSION,
    accounts: [],
    workspaces: [],
    memberships: [],
    sessions: [],
    loginThrottle: [],
    emailCodes: [],
    emailSends: [],
    enrollments: [],
    outbox: [],
    audit: [],
    tickets: [],
    ticketSequence: 0,
    attachments: [],
    idempotencyKeys: [],
    addressWindows: [],
    endedSessions: [],
    rememberedBrowsers: [],
    securityKeys: [],
    keyChallenges: [],
    devSettings: { ...DEFAULT_DEV_SETTINGS },
    notice: null,
  };
}

/**
 * The demo data at `now`. A host whose hasher is not the browser's (the
 * server's scrypt, SERVER-4) passes the demo password hashed its own way.
 */
export function seedState(
  now: number,
  demoPasswords?: ReadonlyMap<string, PasswordHash>,
): ServerState {
  return {
    ...emptyState(),
    accounts: DEMO_ACCOUNTS.map(({ passwordHash, ...account }) => ({
      ...account,
      password: demoPasswords?.get(account.id) ?? {
        salt: demoSalt(account.id),
        hash: passwordHash,
      },
      createdAt: now,
      lastWorkspaceId: null,
      mfa: seededBinding(account.id, now),
      lastMfaLoginAt: null,
      codeFailures: 0,
      codeLockedUntil: null,
      codeFailuresInARow: 0,
      retention: { ...DEFAULT_RETENTION },
    })),
    workspaces: [
      {
        id: 'ws_demo',
        name: 'Demo Workspace',
        mfaRequired: false,
        mfaGraceUntil: null,
        createdAt: now,
        allowRememberedBrowsers: true,
        securityProfile: 'standard',
      },
      {
        id: 'ws_secure',
        name: 'Secure Workspace',
        mfaRequired: true,
        mfaGraceUntil: null,
        createdAt: now,
        allowRememberedBrowsers: false,
        securityProfile: 'secure',
      },
    ],
    memberships: [
      { accountId: 'acc_owner', workspaceId: 'ws_demo', role: 'owner', joinedAt: now },
      { accountId: 'acc_owner', workspaceId: 'ws_secure', role: 'owner', joinedAt: now },
      { accountId: 'acc_alice', workspaceId: 'ws_demo', role: 'member', joinedAt: now },
      { accountId: 'acc_bob', workspaceId: 'ws_demo', role: 'member', joinedAt: now },
      { accountId: 'acc_carol', workspaceId: 'ws_secure', role: 'member', joinedAt: now },
    ],
  };
}
