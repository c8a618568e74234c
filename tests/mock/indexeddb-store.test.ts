import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '@/backend/domain/state';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import { createIndexedDbStore } from '@/mocks/store/indexeddb-store';
import { KEY_STORE } from '@/mocks/store/install-key';
import { storeWithEverythingByDefault } from '../support/everything-by-default';
import { deleteMockDatabase } from '../support/store-records';

const clock = () => Date.parse('2026-03-02T09:00:00Z');

afterEach(deleteMockDatabase);

/** What another tab, or an older version of the app, left in storage. */
function writeRaw(stored: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open('guance-mock-server');
    opening.onsuccess = () => {
      const tx = opening.result.transaction('state', 'readwrite');
      tx.objectStore('state').put(stored, 'current');
      tx.oncomplete = () => {
        opening.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

describe('IndexedDB store (MOCK-2)', () => {
  it('seeds on first use and keeps what a transaction wrote', async () => {
    const store = storeWithEverythingByDefault(createIndexedDbStore(clock));
    const accounts = await store.transact((state) => state.accounts.length);
    expect(accounts).toBe(5);
    await store.transact((state) => {
      state.devSettings.latencyMs = 700;
    });
    expect(await store.transact((state) => state.devSettings.latencyMs)).toBe(700);
  });

  it('loses no write when two tabs write at the same time', async () => {
    // Two stores on one database are two tabs of one origin.
    const tabA = storeWithEverythingByDefault(createIndexedDbStore(clock));
    const tabB = storeWithEverythingByDefault(createIndexedDbStore(clock));
    const writes = Array.from({ length: 40 }, (_, index) =>
      (index % 2 === 0 ? tabA : tabB).transact((state) => {
        state.outbox.push({
          id: `m${index}`,
          to: 'x@example.com',
          subject: String(index),
          body: '',
          sentAt: 0,
        });
      }),
    );
    await Promise.all(writes);
    const ids = await tabA.transact((state) => state.outbox.map((message) => message.id).sort());
    expect(ids).toHaveLength(40);
    expect(await tabB.transact((state) => state.outbox.length)).toBe(40);
  });

  it('writes nothing when a transaction throws', async () => {
    const store = storeWithEverythingByDefault(createIndexedDbStore(clock));
    await expect(
      store.transact((state) => {
        state.devSettings.latencyMs = 1_000;
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await store.transact((state) => state.devSettings.latencyMs)).toBe(0);
  });

  it.each([
    ['outdated', { version: SCHEMA_VERSION + 1, accounts: [] }],
    ['corrupt', 'not a state at all'],
    ['corrupt', { version: SCHEMA_VERSION, accounts: 'gone' }],
  ])('replaces %s stored state with the seed and a notice', async (reason, stored) => {
    const store = storeWithEverythingByDefault(createIndexedDbStore(clock));
    await store.transact(() => undefined);
    await writeRaw(stored);
    const { notice, accounts } = await store.transact((state) => ({
      notice: state.notice,
      accounts: state.accounts.length,
    }));
    expect(accounts).toBe(5);
    expect(notice?.reason).toBe(reason);
  });

  it('starts from the seed again after a reset', async () => {
    const store = storeWithEverythingByDefault(createIndexedDbStore(clock));
    await store.transact((state) => {
      state.accounts = [];
    });
    await store.reset();
    expect(await store.transact((state) => state.accounts.length)).toBe(5);
  });

  it('keeps TOTP secrets sealed with a key of this install that another tab shares (ADR 0028)', async () => {
    const tabA = storeWithEverythingByDefault(createIndexedDbStore(clock));
    await tabA.transact(() => undefined);

    const stored = await readRaw(['accounts', KEY_STORE]);
    expect(JSON.stringify(stored.accounts)).not.toContain(BOB_TOTP_SECRET);
    expect(JSON.stringify(stored.accounts)).toContain('"secret":"v1:');
    const [key] = stored[KEY_STORE] ?? [];
    expect(key).toBeInstanceOf(CryptoKey);
    expect((key as CryptoKey).extractable).toBe(false);
    // A second tab reads the key this one made, and opens the secret.
    const tabB = storeWithEverythingByDefault(createIndexedDbStore(clock));
    const seen = await tabB.transact(
      (state) => state.accounts.find((account) => account.id === 'acc_bob')?.mfa?.secret,
    );
    expect(seen).toBe(BOB_TOTP_SECRET);
  });
});

/** Every record of some object stores, as IndexedDB holds them. */
function readRaw(stores: string[]): Promise<Record<string, unknown[]>> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open('guance-mock-server');
    opening.onsuccess = () => {
      const tx = opening.result.transaction(stores, 'readonly');
      const found: Record<string, unknown[]> = {};
      for (const store of stores) {
        const reading = tx.objectStore(store).getAll();
        reading.onsuccess = () => (found[store] = reading.result);
      }
      tx.oncomplete = () => {
        opening.result.close();
        resolve(found);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}
