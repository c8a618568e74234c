import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '@/backend/domain/state';
import { seedState } from '@/backend/seed';
import { createCollectionStore } from '@/backend/store/collection-store';
import { META_STORE } from '@/backend/store/collections';
import { EVERYTHING } from '@/backend/store/load-plan';
import { createMemoryRecords, createMemoryStore, memorySealer } from '@/backend/store/memory-store';
import { StoredStateMismatchError } from '@/backend/store/store-errors';
import { createIndexedDbStore } from '@/mocks/store/indexeddb-store';
import { storeWithEverythingByDefault } from '../support/everything-by-default';
import { deleteMockDatabase, MOCK_DATABASE, ticketRecord } from '../support/store-records';

/** MOCK-2, SERVER-2: what the store does with data it finds, old or orphaned. */

const NOW = Date.parse('2026-03-02T09:00:00Z');
const clock = () => NOW;
const DB_NAME = MOCK_DATABASE;
const ticket = (n: number, workspaceId?: string | null) => ticketRecord(n, NOW, workspaceId);

afterEach(deleteMockDatabase);

/** A database as version 2 of the app left it: the whole state as one record. */
function oldLayout(stored: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(DB_NAME, 2);
    opening.onupgradeneeded = () => {
      opening.result.createObjectStore('state');
      opening.result.createObjectStore('attachments');
    };
    opening.onsuccess = () => {
      const tx = opening.result.transaction(['state', 'attachments'], 'readwrite');
      tx.objectStore('state').put(stored, 'current');
      tx.objectStore('attachments').put(new Blob(['bytes']), 'att_1');
      tx.oncomplete = () => {
        opening.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    opening.onerror = () => reject(opening.error);
  });
}

describe('the old single-record layout (MOCK-2)', () => {
  it('is converted on upgrade, tickets and their conversations included, bytes kept', async () => {
    const old = seedState(NOW);
    old.tickets.push(ticket(1), ticket(2, null));
    old.ticketSequence = 2;
    await oldLayout(old);

    const store = storeWithEverythingByDefault(createIndexedDbStore(clock));
    const state = await store.transact((current) => structuredClone(current), EVERYTHING);
    expect(state).toEqual(old);
    expect(state.notice).toBeNull();
    const bytes = await new Promise<unknown>((resolve) => {
      const opening = indexedDB.open(DB_NAME);
      opening.onsuccess = () => {
        const reading = opening.result
          .transaction('attachments')
          .objectStore('attachments')
          .get('att_1');
        reading.onsuccess = () => {
          opening.result.close();
          resolve(reading.result);
        };
      };
    });
    expect(bytes).toBeInstanceOf(Blob);
  });

  it('is reset with the visible notice when it is of another schema version', async () => {
    await oldLayout({ ...seedState(NOW), version: SCHEMA_VERSION - 1 });
    const store = storeWithEverythingByDefault(createIndexedDbStore(clock));
    const { notice, accounts } = await store.transact(
      (state) => ({
        notice: state.notice,
        accounts: state.accounts.length,
      }),
      EVERYTHING,
    );
    expect(notice).toEqual({ reason: 'outdated', at: NOW });
    expect(accounts).toBe(5);
  });

  it('is converted the same way in the memory store', async () => {
    const old = seedState(NOW);
    old.tickets.push(ticket(1));
    const store = storeWithEverythingByDefault(createMemoryStore(clock, structuredClone(old)));
    expect(await store.transact((state) => structuredClone(state), EVERYTHING)).toEqual(old);
  });
});

describe('a store that must never replace its data (SERVER-2)', () => {
  const refusing = (records = createMemoryRecords()) =>
    createCollectionStore(records, clock, {
      sealer: memorySealer(records),
      whenUnusable: 'refuse',
      seed: (now) => ({ ...seedState(now), accounts: [], memberships: [] }),
    });
  const putMeta = (records: ReturnType<typeof createMemoryRecords>, key: string, value: unknown) =>
    records.transaction([META_STORE], async (tx) => tx.put(META_STORE, value, key));

  it('starts an empty database from the seed it is given', async () => {
    const store = refusing();
    expect(
      await store.transact((state) => [state.accounts.length, state.workspaces.length], EVERYTHING),
    ).toEqual([0, 2]);
  });

  it.each([
    [
      'of another schema version',
      'meta',
      { scalars: { version: SCHEMA_VERSION - 1 }, seq: 0 },
      `version ${SCHEMA_VERSION - 1}`,
    ],
    ['that cannot be read', 'meta', 'garbage', 'version unknown'],
    ['in the old single-record layout', 'current', seedState(NOW), `version ${SCHEMA_VERSION}`],
  ])(
    'refuses stored state %s, naming both versions, and keeps it',
    async (_label, key, stored, named) => {
      const records = createMemoryRecords();
      await putMeta(records, key, stored);

      const failing = refusing(records).transact((state) => state.accounts.length, EVERYTHING);

      await expect(failing).rejects.toThrow(StoredStateMismatchError);
      await expect(failing).rejects.toThrow(`${named}, this code expects ${SCHEMA_VERSION}`);
      expect(await records.transaction([META_STORE], (tx) => tx.get(META_STORE, key))).toEqual(
        stored,
      );
    },
  );

  it('refuses records left without their meta record instead of seeding over them', async () => {
    const records = createMemoryRecords();
    await createMemoryStore(clock, undefined, records).transact(() => undefined, EVERYTHING);
    await records.transaction([META_STORE], async (tx) => tx.delete(META_STORE, 'meta'));

    await expect(
      refusing(records).transact((state) => state.accounts.length, EVERYTHING),
    ).rejects.toThrow(StoredStateMismatchError);
    expect(await records.transaction(['accounts'], (tx) => tx.count('accounts'))).toBe(5);
  });
});
