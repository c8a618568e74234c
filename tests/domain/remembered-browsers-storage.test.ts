import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cryptoRandomBytes, type DomainContext } from '@/backend/domain/context';
import { sha256Hex } from '@/backend/domain/encoding';
import { redeemRememberedBrowser, rememberBrowser } from '@/backend/domain/remembered-browsers';
import { rememberedOfAccount } from '@/backend/handlers/load-plans';
import { createCollectionStore } from '@/backend/store/collection-store';
import { createFieldSealer, generateSealingKey } from '@/backend/store/field-sealer';
import type { RecordBackend, Stored } from '@/backend/store/record-backend';
import type { StateStore } from '@/backend/store/state-store';
import { KINDS, type OpenedBackend } from '../support/backend-kinds';

/**
 * REMEMBER-1 on every backend (PostgreSQL too when PG_TEST_URL names one):
 * migration 4's table holds a remembered browser by its token's hash only, and
 * a login finds it again through the account's index.
 */

const NOW = Date.parse('2026-03-02T09:00:00Z');
const ctx: DomainContext = { now: NOW, randomBytes: cryptoRandomBytes, userAgent: null };

describe.each(KINDS)('remembered browsers at rest, $name backend (ADR 0032)', (kind) => {
  let opened: OpenedBackend;
  let backend: RecordBackend;
  let store: StateStore;

  beforeEach(async () => {
    opened = await kind.open();
    backend = opened.backend;
    const key = generateSealingKey();
    store = createCollectionStore(backend, () => NOW, { sealer: createFieldSealer(() => key) });
  });
  afterEach(() => opened.close());

  it('stores the hash, never the token, and finds it by the account', async () => {
    const token = await store.transact((state) => rememberBrowser(state, ctx, 'acc_bob'), {
      whole: ['accounts', 'memberships', 'workspaces', 'rememberedBrowsers', 'audit'],
    });

    const rows = await backend.transaction(
      ['rememberedBrowsers'],
      async (tx) =>
        (await tx.getAll('rememberedBrowsers')) as (Stored & { v: { tokenHash: string } })[],
    );
    expect(rows.map((row) => row.v.tokenHash)).toEqual([sha256Hex(token)]);
    expect(JSON.stringify(rows)).not.toContain(token);

    const found = await store.transact(
      (state) => redeemRememberedBrowser(state, ctx, 'acc_bob', token)?.accountId ?? null,
      {
        whole: ['accounts', 'memberships', 'workspaces'],
        pickFrom: ['rememberedBrowsers'],
        stages: [() => [rememberedOfAccount('acc_bob')]],
      },
    );
    expect(found).toBe('acc_bob');
  });
});
