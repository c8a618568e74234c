import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTBOX_MAX_MESSAGES } from '@/backend/domain/limits';
import type { ServerState } from '@/backend/domain/state';
import { EVERYTHING, type LoadPlan } from '@/backend/store/load-plan';
import { createMemoryRecords, createMemoryStore } from '@/backend/store/memory-store';
import { NotLoadedError } from '@/backend/store/store-errors';
import { createIndexedDbStore } from '@/mocks/store/indexeddb-store';
import { storeWithEverythingByDefault, type TestStore } from '../support/everything-by-default';
import { deleteMockDatabase, ticketRecord } from '../support/store-records';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const clock = () => NOW;
const ticket = (n: number, workspaceId?: string | null) => ticketRecord(n, NOW, workspaceId);

afterEach(deleteMockDatabase);

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
