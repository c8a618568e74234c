import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Backend, createBackend } from '@/backend/backend';
import { checkBoundCode } from '@/backend/domain/mfa-codes';
import { codeAt, stepAt } from '@/backend/domain/totp';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import { createCollectionStore } from '@/backend/store/collection-store';
import { META_STORE } from '@/backend/store/collections';
import { createFieldSealer, generateSealingKey } from '@/backend/store/field-sealer';
import { EVERYTHING, type LoadPlan } from '@/backend/store/load-plan';
import type { KeyRange, RecordBackend, Stored } from '@/backend/store/record-backend';
import { NotLoadedError } from '@/backend/store/store-errors';
import { KINDS, type OpenedBackend } from '../support/backend-kinds';
import { recording } from '../support/recording-backend';
import { ticketRecord } from '../support/store-records';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const clock = () => NOW;
/** One key for every handle on a database, as a server's DATA_KEY is. */
const sealer = createFieldSealer(generateSealingKey);

/** Ticket headers as the index cases need them; put out of order on purpose. */
const TICKETS = [
  { s: 6, id: 't6', workspaceId: 'ws_c', updatedAt: -5, status: 'open', feedbackAt: null },
  { s: 5, id: 't5', workspaceId: 'ws_a', updatedAt: 30, status: 'open', feedbackAt: null },
  { s: 2, id: 't2', workspaceId: 'ws_a', updatedAt: 30, status: 'done', feedbackAt: 5 },
  { s: 4, id: 't4', workspaceId: null, updatedAt: 20, status: 'done', feedbackAt: 9 },
  { s: 1, id: 't1', workspaceId: 'ws_b', updatedAt: 10, status: 'done', feedbackAt: 7 },
  { s: 3, id: 't3', workspaceId: 'ws_a', updatedAt: 10, status: 'open', feedbackAt: null },
].map(({ s, ...v }) => ({ s, v: { ...v, cancelTokenHash: s === 1 ? 'hash' : null } }));

const MAILS = [
  { s: 1, v: { id: 'm1', to: 'b@x', sentAt: 5 } },
  { s: 2, v: { id: 'm2', to: 'a@x', sentAt: -1 } },
  { s: 3, v: { id: 'm3', to: 'b@x', sentAt: 5 } },
  { s: 4, v: { id: 'm4', to: 'b@x', sentAt: 100 } },
];

const ids = (rows: unknown[]) => rows.map((row) => (row as { v: { id: string } }).v.id);

const ticket = (n: number, workspaceId: string) => ticketRecord(n, NOW, workspaceId);

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

describe.each(KINDS)('the $name record backend', (kind) => {
  let opened: OpenedBackend;
  let backend: RecordBackend;

  beforeEach(async () => {
    opened = await kind.open();
    backend = opened.backend;
  });
  afterEach(() => opened.close());

  const putAll = (store: string, rows: readonly Stored[]) =>
    backend.transaction([store], async (tx) => rows.forEach((row) => tx.put(store, row)));
  const read = <T>(stores: string[], body: Parameters<RecordBackend['transaction']>[1]) =>
    backend.transaction(stores, body) as Promise<T>;
  const fromIndex = (store: string, index: string, range: KeyRange) =>
    read<unknown[]>([store], (tx) => tx.getAllFromIndex(store, index, range));

  it('gets what was put, by primary key order, as fresh copies', async () => {
    await putAll('tickets', TICKETS);
    await backend.transaction([META_STORE], async (tx) => tx.put(META_STORE, { n: 1 }, 'meta'));

    const [all, second, missing, meta] = await read<unknown[]>(['tickets', META_STORE], (tx) =>
      Promise.all([
        tx.getAll('tickets'),
        tx.get('tickets', 2),
        tx.get('tickets', 99),
        tx.get(META_STORE, 'meta'),
      ]),
    );
    expect(ids(all as unknown[])).toEqual(['t1', 't2', 't3', 't4', 't5', 't6']);
    expect(second).toEqual(TICKETS.find((row) => row.s === 2));
    expect(missing).toBeUndefined();
    expect(meta).toEqual({ n: 1 });

    (second as Stored & { v: { id: string } }).v.id = 'changed';
    (meta as { n: number }).n = 2;
    expect(await read(['tickets'], (tx) => tx.get('tickets', 2))).toEqual(
      TICKETS.find((row) => row.s === 2),
    );
    expect(await read([META_STORE], (tx) => tx.get(META_STORE, 'meta'))).toEqual({ n: 1 });
  });

  it('answers a compound index by key, then primary key, with bounds inclusive', async () => {
    await putAll('tickets', TICKETS);
    const workspaceUpdated = (range: KeyRange) => fromIndex('tickets', 'workspaceUpdated', range);

    expect(ids(await workspaceUpdated({ only: ['ws_a', 30] }))).toEqual(['t2', 't5']);
    expect(
      ids(await workspaceUpdated({ lower: ['ws_a', -Infinity], upper: ['ws_a', Infinity] })),
    ).toEqual(['t3', 't2', 't5']);
    expect(ids(await workspaceUpdated({ lower: ['ws_a', 30], upper: ['ws_b', 10] }))).toEqual([
      't2',
      't5',
      't1',
    ]);
    expect(ids(await workspaceUpdated({ lower: ['ws_b', -Infinity] }))).toEqual(['t1', 't6']);
    expect(ids(await workspaceUpdated({ upper: ['ws_a', 10] }))).toEqual(['t3']);
    expect(ids(await workspaceUpdated({ only: ['ws_a', 30], lower: ['ws_c', 0] }))).toEqual([
      't2',
      't5',
    ]);
  });

  it('compares bounds as IndexedDB does: shorter arrays, other types', async () => {
    await putAll('tickets', TICKETS);
    const workspaceUpdated = (range: KeyRange) => fromIndex('tickets', 'workspaceUpdated', range);

    // A prefix sorts before every longer key that starts with it.
    expect(ids(await workspaceUpdated({ lower: ['ws_b'] }))).toEqual(['t1', 't6']);
    expect(ids(await workspaceUpdated({ upper: ['ws_b'] }))).toEqual(['t3', 't2', 't5']);
    expect(ids(await workspaceUpdated({ lower: ['ws_a', 30, 0] }))).toEqual(['t1', 't6']);
    // Numbers sort before strings, and both before arrays.
    expect(ids(await workspaceUpdated({ upper: ['ws_a', 'z'] }))).toEqual(['t3', 't2', 't5']);
    expect(ids(await workspaceUpdated({ lower: ['ws_a', 'z'] }))).toEqual(['t1', 't6']);
    expect(ids(await workspaceUpdated({ lower: 'zzz' }))).toEqual(['t3', 't2', 't5', 't1', 't6']);
    expect(await workspaceUpdated({ upper: 99 })).toEqual([]);
    expect(await workspaceUpdated({ only: ['ws_a'] })).toEqual([]);

    await putAll('outbox', MAILS);
    const sentAt = (range: KeyRange) => fromIndex('outbox', 'sentAt', range);
    expect(ids(await sentAt({ lower: 0, upper: 5 }))).toEqual(['m1', 'm3']);
    expect(ids(await sentAt({ lower: -Infinity }))).toEqual(['m2', 'm1', 'm3', 'm4']);
    expect(ids(await sentAt({ upper: 'a' }))).toEqual(['m2', 'm1', 'm3', 'm4']);
    expect(await sentAt({ lower: 'a' })).toEqual([]);
    expect(await sentAt({ lower: [0] })).toEqual([]);
    expect(ids(await sentAt({ upper: [0] }))).toEqual(['m2', 'm1', 'm3', 'm4']);
    expect(ids(await fromIndex('outbox', 'to', { lower: ['b@x', 5], upper: ['b@x', 5] }))).toEqual([
      'm1',
      'm3',
    ]);
    expect(ids(await fromIndex('outbox', 'key', { only: 'm4' }))).toEqual(['m4']);
  });

  it('leaves records whose indexed field is null out of that index', async () => {
    await putAll('tickets', TICKETS);

    expect(ids(await fromIndex('tickets', 'workspaceUpdated', {}))).toEqual([
      't3',
      't2',
      't5',
      't1',
      't6',
    ]);
    expect(ids(await fromIndex('tickets', 'statusFeedback', {}))).toEqual(['t2', 't1', 't4']);
    expect(ids(await fromIndex('tickets', 'cancelToken', {}))).toEqual(['t1']);
  });

  it('counts, deletes the first records, one record, and all of them', async () => {
    await putAll('outbox', MAILS);
    const after = (change: Parameters<RecordBackend['transaction']>[1]) =>
      backend.transaction(['outbox'], async (tx) => {
        await change(tx);
        return { count: await tx.count('outbox'), ids: ids(await tx.getAll('outbox')) };
      });

    expect(await after(async (tx) => tx.deleteFirst('outbox', 0))).toEqual({
      count: 4,
      ids: ['m1', 'm2', 'm3', 'm4'],
    });
    // The outbox's trim asks to delete "count - cap" records, which is negative below the cap.
    expect(await after(async (tx) => tx.deleteFirst('outbox', -3))).toMatchObject({ count: 4 });
    expect(await after(async (tx) => tx.deleteFirst('outbox', 2))).toEqual({
      count: 2,
      ids: ['m3', 'm4'],
    });
    expect(await after(async (tx) => tx.delete('outbox', 4))).toEqual({ count: 1, ids: ['m3'] });
    expect(await after(async (tx) => tx.clear('outbox'))).toEqual({ count: 0, ids: [] });
  });

  it('writes nothing of a transaction that throws', async () => {
    await putAll('outbox', MAILS);
    await expect(
      backend.transaction(['outbox', META_STORE], async (tx) => {
        tx.put(META_STORE, 'half-done', 'meta');
        tx.delete('outbox', 1);
        tx.put('outbox', { s: 9, v: { id: 'm9', to: 'c@x', sentAt: 1 } });
        await tx.count('outbox');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');

    const [meta, all] = await read<unknown[]>(['outbox', META_STORE], (tx) =>
      Promise.all([tx.get(META_STORE, 'meta'), tx.getAll('outbox')]),
    );
    expect(meta).toBeUndefined();
    expect(ids(all as unknown[])).toEqual(['m1', 'm2', 'm3', 'm4']);
  });

  it('runs overlapping transactions one after the other: no update is lost', async () => {
    const increment = () =>
      backend.transaction([META_STORE], async (tx) => {
        const before = ((await tx.get(META_STORE, 'counter')) as number | undefined) ?? 0;
        // A read between the read and the write, where another transaction could slip in.
        await tx.get(META_STORE, 'other');
        tx.put(META_STORE, before + 1, 'counter');
      });

    await Promise.all(Array.from({ length: 20 }, increment));

    expect(await read([META_STORE], (tx) => tx.get(META_STORE, 'counter'))).toBe(20);
  });

  it('lets no update be lost between two handles on the same records', async () => {
    const handles = [backend, await opened.second()];
    const increment = (index: number) =>
      (handles[index % 2] as RecordBackend).transaction([META_STORE], async (tx) => {
        const before = ((await tx.get(META_STORE, 'counter')) as number | undefined) ?? 0;
        await tx.get(META_STORE, 'other');
        tx.put(META_STORE, before + 1, 'counter');
      });

    await Promise.all(Array.from({ length: 20 }, (_, index) => increment(index)));

    expect(await read([META_STORE], (tx) => tx.get(META_STORE, 'counter'))).toBe(20);
  });

  describe('under the collection store', () => {
    const seeded = async () => {
      const store = createCollectionStore(backend, clock, { sealer });
      await store.transact((state) => {
        state.tickets.push(...[1, 2, 3, 4].map((n) => ticket(n, n % 2 ? 'ws_demo' : 'ws_x')));
      }, EVERYTHING);
      return store;
    };

    it('lets one TOTP step win once when 20 requests use it at once on two handles', async () => {
      await createCollectionStore(backend, clock, { sealer }).transact(() => null, EVERYTHING);
      const servers = [backend, await opened.second()].map((records) =>
        createBackend({ store: createCollectionStore(records, clock, { sealer }), clock }),
      );
      const code = codeAt(BOB_TOTP_SECRET, stepAt(NOW));
      const verify = (index: number) =>
        (servers[index % 2] as Backend).run((state, ctx) => {
          const bob = state.accounts.find((account) => account.id === 'acc_bob');
          if (!bob) throw new Error('no bob in the seed');
          return checkBoundCode(state, ctx, bob, code, 'login') ?? 'accepted';
        }, EVERYTHING);

      const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => verify(i)));

      const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      expect(won).toHaveLength(1);
      const refusals = outcomes.flatMap((outcome) =>
        outcome.status === 'rejected' ? [(outcome.reason as { code?: string }).code] : [],
      );
      // A spent step counts as a wrong code, so the later ones meet the lockout.
      expect(refusals).toHaveLength(19);
      expect(refusals.every((code) => code === 'INVALID_CODE' || code === 'CODE_LOCKED')).toBe(
        true,
      );
    });

    it('is seeded by the first transaction', async () => {
      const store = createCollectionStore(backend, clock, { sealer });

      const seen = await store.transact(
        (state) => ({
          accounts: state.accounts.length,
          notice: state.notice,
        }),
        EVERYTHING,
      );

      expect(seen).toEqual({ accounts: 5, notice: null });
      const meta = await read([META_STORE], (tx) => tx.get(META_STORE, 'meta'));
      expect(meta).toMatchObject({ scalars: { notice: null } });
    });

    it("reads only what a plan's picks name", async () => {
      await seeded();
      const { backend: noted, calls } = recording(backend);
      const store = createCollectionStore(noted, clock, { sealer });

      const titles = await store.transact(
        (state) => state.tickets.map((t) => t.title),
        inWorkspace('ws_demo'),
      );
      await expect(store.transact((state) => state.audit, inWorkspace('ws_x'))).rejects.toThrow(
        NotLoadedError,
      );

      expect(titles).toEqual(['Ticket 1', 'Ticket 3']);
      const reads = calls.filter((call) => call.op === 'read' && call.store !== META_STORE);
      expect(reads).toEqual([
        { op: 'read', store: 'tickets', records: 2 },
        { op: 'read', store: 'tickets', records: 2 },
      ]);
      expect(calls.filter((call) => call.op !== 'read')).toEqual([]);
    });

    it('writes back only the records that changed', async () => {
      await seeded();
      const { backend: noted, calls } = recording(backend);
      const store = createCollectionStore(noted, clock, { sealer });

      await store.transact((state) => {
        const third = state.tickets.find((t) => t.id === 'tkt_3');
        if (third) third.title = 'Renamed';
      }, inWorkspace('ws_demo'));

      const writes = calls.filter((call) => call.op !== 'read');
      expect(writes.map((call) => call.store)).toEqual(['tickets', META_STORE]);
      expect(writes[0]).toMatchObject({
        op: 'put',
        value: { v: { id: 'tkt_3', title: 'Renamed' } },
      });
      const titles = await store.transact((state) => state.tickets.map((t) => t.title), EVERYTHING);
      expect(titles).toEqual(['Ticket 1', 'Ticket 2', 'Renamed', 'Ticket 4']);
    });
  });
});
