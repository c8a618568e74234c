import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '@/backend/password-hashing';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoSalt, seedState } from '@/backend/seed';

describe('demo data (SPEC section 2)', () => {
  it.each(DEMO_ACCOUNTS.map((account) => [account.email, account] as const))(
    'stores the hash of the demo password for %s',
    async (_email, account) => {
      expect((await hashPassword(DEMO_PASSWORD, demoSalt(account.id))).hash).toBe(
        account.passwordHash,
      );
    },
  );

  it('seeds the accounts, workspaces and roles of the spec', () => {
    const state = seedState(0);
    expect(
      state.accounts.map((account) => [account.email, account.kind, account.mfa !== null]),
    ).toEqual([
      ['owner@example.com', 'member', false],
      ['alice@example.com', 'member', false],
      ['bob@example.com', 'member', true],
      ['carol@example.com', 'member', false],
      ['support@example.com', 'agent', true],
    ]);
    expect(state.workspaces.map((workspace) => [workspace.name, workspace.mfaRequired])).toEqual([
      ['Demo Workspace', false],
      ['Secure Workspace', true],
    ]);
    expect(state.memberships.map((m) => `${m.accountId}@${m.workspaceId}:${m.role}`)).toEqual([
      'acc_owner@ws_demo:owner',
      'acc_owner@ws_secure:owner',
      'acc_alice@ws_demo:member',
      'acc_bob@ws_demo:member',
      'acc_carol@ws_secure:member',
    ]);
  });

  it('binds the demo agent to the secret the README publishes (TICKET-11)', () => {
    const support = seedState(0).accounts.find((account) => account.id === 'acc_support');
    // base32 of "GUANCE-SUPPORT-DEMO!", as written in the README.
    expect(support?.mfa?.secret).toBe('I5KUCTSDIUWVGVKQKBHVEVBNIRCU2TZB');
    expect(
      readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8'),
    ).toContain('oathtool --totp -b I5KUCTSDIUWVGVKQKBHVEVBNIRCU2TZB');
    expect(support?.lastMfaLoginAt).toBeNull();
  });
});
