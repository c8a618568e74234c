import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTBOX_MAX_MESSAGES } from '@/backend/domain/limits';
import { SCHEMA_VERSION, type ServerState, type TicketRecord } from '@/backend/domain/state';
import { seedState } from '@/backend/seed';
import { createCollectionStore } from '@/backend/store/collection-store';
import { META_STORE } from '@/backend/store/collections';
import { EVERYTHING, type LoadPlan } from '@/backend/store/load-plan';
import { createMemoryRecords, createMemoryStore, memorySealer } from '@/backend/store/memory-store';
import { NotLoadedError, StoredStateMismatchError } from '@/backend/store/store-errors';
import { createIndexedDbStore } from '@/mocks/store/indexeddb-store';
import { storeWithEverythingByDefault, type TestStore } from '../support/everything-by-default';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const clock = () => NOW;
const DB_NAME = 'guance-mock-server';

afterEach(async () => {
  await new Promise<void>((resolve) => {
    const deleting = indexedDB.deleteDatabase(DB_NAME);
    deleting.onsuccess = () => resolve();
    deleting.onerror = () => resolve();
  });
});

/** Two connections to one store: two tabs of an origin, or two stores on one memory backend. */
const KINDS: [string, () => [TestStore, TestStore]][] = [
  [
    'memory',
    () => {
      const records = createMemoryRecords();
      return [
        storeWithEverythingByDefault(createMemoryStore(clock, undefined, records)),
        storeWithEverythingByDefault(createMemoryStore(clock, undefined, records)),
      ];
    },
  ],
  [
    'IndexedDB',
    () => [
      storeWithEverythingByDefault(createIndexedDbStore(clock)),
      storeWithEverythingByDefault(createIndexedDbStore(clock)),
    ],
  ],
];

function ticket(n: number, workspaceId: string | null = 'ws_demo'): TicketRecord {
  return {
    id: `tkt_${n}`,
    number: `TK${100_000 + n}`,
    workspaceId,
    requesterId: 'acc_alice',
    type: 'other',
    title: `Ticket ${n}`,
    status: 'waiting_assignment',
    createdAt: NOW + n,
    updatedAt: NOW + n,
    assigneeId: null,
    feedbackAt: null,
    closedAt: null,
    rating: null,
    verification: null,
    cancelTokenHash: null,
    mfaUnboundAt: null,
    entries: [{ kind: 'event', id: `tev_${n}`, event: 'canceled', at: NOW + n }],
  };
}

const inWorkspace = (workspaceId: string): LoadPlan => ({
  pickFrom: ['tickets'],
  stages: [
    () => [
      {
        from: 'tickets',
        index: 'workspaceUpdated',
        range: { lower: [workspaceId, -Infinity], upper: [workspaceId, Infinity] },
      },
    ],
  ],
});

/** The same script on either kind; what it returns must be the same. */
async function script(store: TestStore) {
  const seen: unknown[] = [];
  await store.transact((state) => {
    for (let n = 1; n <= 6; n += 1) state.tickets.push(ticket(n, n % 2 ? 'ws_demo' : 'ws_secure'));
    state.ticketSequence = 6;
    state.sessions.push({
      id: 'ses_1',
      tokenHash: 'h1',
      accountId: 'acc_owner',
      state: 'active',
      workspaceId: 'ws_demo',
      createdAt: NOW,
      lastSeenAt: NOW,
      expiresAt: NOW + 1,
      userAgent: null,
    });
  }, EVERYTHING);
  // A partial load: the demo workspace's headers only, one of them changed, one removed.
  seen.push(
    await store.transact((state) => {
      const ids = state.tickets.map((t) => t.id);
      const first = state.tickets[0];
      if (first) first.title = 'Renamed';
      state.tickets = state.tickets.filter((t) => t.id !== 'tkt_3');
      return ids;
    }, inWorkspace('ws_demo')),
  );
  // Records of a collection loaded whole are replaced by copies with the same key.
  await store.transact(
    (state) => {
      state.accounts = state.accounts.map((account) => ({
        ...account,
        name: account.name.toUpperCase(),
      }));
    },
    { whole: ['accounts'] },
  );
  seen.push(
    await store.transact(
      (state) => ({
        tickets: state.tickets.map((t) => [t.id, t.title, t.entries.length]),
        names: state.accounts.map((account) => account.name),
        sessions: state.sessions.map((session) => session.id),
        sequence: state.ticketSequence,
      }),
      EVERYTHING,
    ),
  );
  return seen;
}

describe.each(KINDS)('the %s store (ADR 0017)', (_kind, open) => {
  it('gives the same results as the other kind for the same operations', async () => {
    const [store] = open();
    const results = await script(store);
    const [reference] = KINDS[0]?.[1]() ?? [];
    expect(results).toEqual(await script(reference as TestStore));
    expect(results[0]).toEqual(['tkt_1', 'tkt_3', 'tkt_5']);
    expect(results[1]).toMatchObject({
      tickets: [
        ['tkt_1', 'Renamed', 1],
        ['tkt_2', 'Ticket 2', 1],
        ['tkt_4', 'Ticket 4', 1],
        ['tkt_5', 'Ticket 5', 1],
        ['tkt_6', 'Ticket 6', 1],
      ],
      names: ['OLIVIA OWNER', 'ALICE CHEN', 'BOB LI', 'CAROL WANG', 'GUANCE SUPPORT'],
      sessions: ['ses_1'],
      sequence: 6,
    });
  });

  it('writes nothing of a transaction that throws, whole or partial', async () => {
    const [store] = open();
    await store.transact((state) => {
      state.tickets.push(ticket(1));
    }, EVERYTHING);
    const failing = (plan?: LoadPlan) =>
      store.transact((state) => {
        state.tickets.push(ticket(2));
        const first = state.tickets[0];
        if (first) first.title = 'half-done';
        state.devSettings.latencyMs = 900;
        throw new Error('refused');
      }, plan);
    await expect(failing()).rejects.toThrow('refused');
    await expect(failing(inWorkspace('ws_demo'))).rejects.toThrow('refused');
    const after = await store.transact((state) => structuredClone(state), EVERYTHING);
    expect(after.tickets.map((t) => [t.id, t.title])).toEqual([['tkt_1', 'Ticket 1']]);
    expect(after.devSettings.latencyMs).toBe(0);
  });

  it('loses nothing when two connections interleave', async () => {
    const [tabA, tabB] = open();
    await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        (index % 2 ? tabA : tabB).transact(
          (state) => {
            state.ticketSequence += 1;
            state.tickets.push(ticket(state.ticketSequence));
          },
          { append: ['tickets'] },
        ),
      ),
    );
    const seen = await tabA.transact(
      (state) => ({
        sequence: state.ticketSequence,
        ids: new Set(state.tickets.map((t) => t.id)).size,
      }),
      EVERYTHING,
    );
    expect(seen).toEqual({ sequence: 30, ids: 30 });
  });

  it("sees the other connection's writes in read-only picks made from its copy", async () => {
    const [tabA, tabB] = open();
    const headers: LoadPlan = {
      pickFrom: ['tickets'],
      stages: [() => [{ from: 'tickets', all: true, readOnly: true }]],
    };
    const titles = () => tabA.transact((state) => state.tickets.map((t) => t.title), headers);
    await tabA.transact((state) => {
      state.tickets.push(ticket(1));
    }, EVERYTHING);
    expect(await titles()).toEqual(['Ticket 1']);
    await tabB.transact((state) => {
      state.tickets.push(ticket(2));
    }, EVERYTHING);
    await tabA.transact((state) => {
      const first = state.tickets[0];
      if (first) first.title = 'Changed here';
    }, EVERYTHING);
    expect(await titles()).toEqual(['Changed here', 'Ticket 2']);
    // A copy of a read-only record is the same record: its conversation stays.
    await tabA.transact((state) => {
      state.tickets = state.tickets.map((t) => ({ ...t, title: `${t.title}!` }));
    }, headers);
    expect(
      await tabB.transact(
        (state) => state.tickets.map((t) => [t.title, t.entries.length]),
        EVERYTHING,
      ),
    ).toEqual([
      ['Changed here!', 1],
      ['Ticket 2!', 1],
    ]);
    expect(await titles()).toEqual(['Changed here!', 'Ticket 2!']);
    // Read-only records are frozen: a rule that tried to change one would fail loudly.
    await expect(
      tabA.transact((state) => {
        const first = state.tickets[0];
        if (first) first.title = 'No';
      }, headers),
    ).rejects.toThrow(TypeError);
  });

  it('keeps order and writes back only the change when a read-only slice meets records loaded one by one', async () => {
    const [store] = open();
    await store.transact((state) => {
      state.tickets.push(...[1, 2, 3, 4, 5].map((n) => ticket(n)));
    }, EVERYTHING);
    // The writable pick of ticket 3 comes first; the read-only list of all of them adopts the rest.
    const mixed: LoadPlan = {
      pickFrom: ['tickets'],
      stages: [
        () => [{ from: 'tickets', index: 'number', range: { only: 'TK100003' } }],
        () => [{ from: 'tickets', all: true, readOnly: true }],
      ],
    };
    const rows = () =>
      store.transact(
        (state) => state.tickets.map((t) => [t.id, t.title, t.entries.length]),
        EVERYTHING,
      );
    for (let round = 0; round < 2; round++) {
      // The second round runs on the tab's copy as the first left it, slices kept or remade.
      await store.transact((state) => {
        expect(state.tickets.map((t) => t.id)).toEqual([
          'tkt_1',
          'tkt_2',
          'tkt_3',
          'tkt_4',
          'tkt_5',
        ]);
        const third = state.tickets[2];
        if (third) third.title = `Changed ${round}`;
        expect(Object.isFrozen(state.tickets[0])).toBe(true);
      }, mixed);
    }
    // A copy replacing a frozen record, and one left out, in the same transaction.
    await store.transact((state) => {
      state.tickets = state.tickets
        .filter((t) => t.id !== 'tkt_4')
        .map((t) => (t.id === 'tkt_5' ? { ...t, title: 'Copied' } : t));
    }, mixed);
    expect(await rows()).toEqual([
      ['tkt_1', 'Ticket 1', 1],
      ['tkt_2', 'Ticket 2', 1],
      ['tkt_3', 'Changed 1', 1],
      ['tkt_5', 'Copied', 1],
    ]);
  });

  it('refuses to touch what the plan did not load', async () => {
    const [store] = open();
    await store.transact((state) => {
      state.tickets.push(ticket(1));
    }, EVERYTHING);
    await expect(store.transact((state) => state.audit.length, {})).rejects.toThrow(NotLoadedError);
    await expect(
      store.transact((state) => state.tickets[0]?.entries.length, inWorkspace('ws_demo')),
    ).rejects.toThrow(NotLoadedError);
  });

  it('keeps the newest messages of the outbox when the transaction only appends', async () => {
    const [store] = open();
    await store.transact(
      (state: ServerState) => {
        for (let n = 0; n < OUTBOX_MAX_MESSAGES + 3; n += 1) {
          state.outbox.push({
            id: `m${n}`,
            to: 'a@example.com',
            subject: String(n),
            body: '',
            sentAt: n,
          });
        }
      },
      { append: ['outbox'] },
    );
    const ids = await store.transact((state) => state.outbox.map((mail) => mail.id), EVERYTHING);
    expect(ids).toHaveLength(OUTBOX_MAX_MESSAGES);
    expect(ids[0]).toBe('m3');
  });
});

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
