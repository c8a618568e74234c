import { hashPassword, type PasswordHash } from './domain/passwords';
import { DEFAULT_DEV_SETTINGS, SCHEMA_VERSION, type ServerState } from './domain/state';

/** SPEC section 2: the demo data. These accounts are a contract. */
export const DEMO_PASSWORD = 'Guance@2026';
export const BOB_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

const DEMO_ACCOUNTS = [
  { id: 'acc_owner', email: 'owner@example.com', name: 'Olivia Owner', kind: 'member' },
  { id: 'acc_alice', email: 'alice@example.com', name: 'Alice Chen', kind: 'member' },
  { id: 'acc_bob', email: 'bob@example.com', name: 'Bob Li', kind: 'member' },
  { id: 'acc_carol', email: 'carol@example.com', name: 'Carol Wang', kind: 'member' },
  { id: 'acc_support', email: 'support@example.com', name: 'Guance Support', kind: 'agent' },
] as const;

let demoPasswordHashes: Map<string, PasswordHash> | null = null;

/** Hashing is deliberately slow, so the demo hashes are made once per page or process. */
function demoPasswordHash(accountId: string): PasswordHash {
  demoPasswordHashes ??= new Map(
    DEMO_ACCOUNTS.map((account) => [account.id, hashPassword(DEMO_PASSWORD, `seed:${account.id}`)]),
  );
  const hash = demoPasswordHashes.get(accountId);
  if (!hash) throw new Error(`No demo account ${accountId}`);
  return hash;
}

export function seedState(now: number): ServerState {
  return {
    version: SCHEMA_VERSION,
    accounts: DEMO_ACCOUNTS.map((account) => ({
      ...account,
      password: demoPasswordHash(account.id),
      createdAt: now,
      lastWorkspaceId: null,
      mfa:
        account.id === 'acc_bob'
          ? { secret: BOB_TOTP_SECRET, boundAt: now, lastUsedStep: 0 }
          : null,
      codeFailures: 0,
      codeLockedUntil: null,
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
