import { DEFAULT_DEV_SETTINGS, SCHEMA_VERSION, type ServerState } from './domain/state';

/** SPEC section 2: the demo data. These accounts are a contract. */
export const DEMO_PASSWORD = 'Guance@2026';
export const BOB_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/**
 * Stored like any account's password: a PBKDF2 hash (see passwords.ts) of
 * DEMO_PASSWORD with the salt `seed:<id>`, made once ahead of time so a first
 * visit does not spend a fifth of a second hashing on the page's main thread.
 * A unit test recomputes each one.
 */
export const DEMO_ACCOUNTS = [
  {
    id: 'acc_owner',
    email: 'owner@example.com',
    name: 'Olivia Owner',
    kind: 'member',
    passwordHash: '9e3ebb6bbea8570ea1bcfa453744dfdf56cf2243a63f7f8ef4d0f07a70f11f46',
  },
  {
    id: 'acc_alice',
    email: 'alice@example.com',
    name: 'Alice Chen',
    kind: 'member',
    passwordHash: '166bf13bfdb86b8b4c6ea80e3876c0e9bffa442e34a8f4ab4ec70d3fb808608c',
  },
  {
    id: 'acc_bob',
    email: 'bob@example.com',
    name: 'Bob Li',
    kind: 'member',
    passwordHash: '52f9fcc74043e4973d5c17211c9769d3fb4268dd892196448fae6ca8718418b6',
  },
  {
    id: 'acc_carol',
    email: 'carol@example.com',
    name: 'Carol Wang',
    kind: 'member',
    passwordHash: '375041c5b73552d3aca6acbc7eadad77edc8cadf23a942558274aba43811dc27',
  },
  {
    id: 'acc_support',
    email: 'support@example.com',
    name: 'Guance Support',
    kind: 'agent',
    passwordHash: '7a261f80de1070635152b87e3615a6106ac0966d954279dfdf32dd7cfe28bd2a',
  },
] as const;

export function demoSalt(accountId: string): string {
  return `seed:${accountId}`;
}

export function seedState(now: number): ServerState {
  return {
    version: SCHEMA_VERSION,
    accounts: DEMO_ACCOUNTS.map(({ passwordHash, ...account }) => ({
      ...account,
      password: { salt: demoSalt(account.id), hash: passwordHash },
      createdAt: now,
      lastWorkspaceId: null,
      mfa:
        account.id === 'acc_bob'
          ? { secret: BOB_TOTP_SECRET, boundAt: now, lastUsedStep: 0 }
          : null,
      codeFailures: 0,
      codeLockedUntil: null,
      codeFailuresInARow: 0,
    })),
    workspaces: [
      { id: 'ws_demo', name: 'Demo Workspace', mfaRequired: false, createdAt: now },
      { id: 'ws_secure', name: 'Secure Workspace', mfaRequired: true, createdAt: now },
    ],
    memberships: [
      { accountId: 'acc_owner', workspaceId: 'ws_demo', role: 'owner', joinedAt: now },
      { accountId: 'acc_owner', workspaceId: 'ws_secure', role: 'owner', joinedAt: now },
      { accountId: 'acc_alice', workspaceId: 'ws_demo', role: 'member', joinedAt: now },
      { accountId: 'acc_bob', workspaceId: 'ws_demo', role: 'member', joinedAt: now },
      { accountId: 'acc_carol', workspaceId: 'ws_secure', role: 'member', joinedAt: now },
    ],
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
    devSettings: { ...DEFAULT_DEV_SETTINGS },
    notice: null,
  };
}
