import type { Clock } from '@/backend/domain/context';
import type { ServerState } from '@/backend/domain/state';
import { NotLoadedError } from '@/backend/store/collection-store';
import { COLLECTION_NAMES } from '@/backend/store/collections';
import { createMemoryRecords, createMemoryStore } from '@/backend/store/memory-store';
import type { RecordBackend, RecordTx } from '@/backend/store/record-backend';
import type { StateStore } from '@/backend/store/state-store';

/** What the transactions of one request read. */
export interface Reads {
  /**
   * The records the rules were given: every loaded collection's records when
   * the operation started, read-only list rows included. This is what a
   * plan decides, whatever the store keeps in memory.
   */
  loaded: number;
  /** The records the record backend handed the store (meta records included). */
  fetched: number;
  transactions: number;
}

/** How many records the rules can see; a collection the plan did not load counts none. */
function recordsIn(state: ServerState): number {
  let count = 0;
  for (const name of COLLECTION_NAMES) {
    try {
      count += state[name].length;
    } catch (error) {
      if (!(error instanceof NotLoadedError)) throw error;
    }
  }
  return count;
}

/**
 * A memory store that counts what it reads, both where the plan hands
 * records to the rules and where the backend hands them to the store. The
 * memory backend is wrapped from outside; the store runs unchanged.
 */
export function readMeter() {
  let reads: Reads = { loaded: 0, fetched: 0, transactions: 0 };

  function counted(backend: RecordBackend): RecordBackend {
    const fetched = (count: number) => {
      reads.fetched += count;
    };
    return {
      transaction: (stores, body) =>
        backend.transaction(stores, (tx) => {
          const counting: RecordTx = {
            ...tx,
            get: async (store, key) => {
              const value = await tx.get(store, key);
              fetched(value === undefined ? 0 : 1);
              return value;
            },
            getAll: async (store) => {
              const values = await tx.getAll(store);
              fetched(values.length);
              return values;
            },
            getAllFromIndex: async (store, index, range) => {
              const values = await tx.getAllFromIndex(store, index, range);
              fetched(values.length);
              return values;
            },
          };
          return body(counting);
        }),
    };
  }

  return {
    /** A fresh store for a fresh server, counted. */
    store(clock: Clock): StateStore {
      const records = createMemoryRecords();
      const store = createMemoryStore(clock, undefined, {
        reset: () => records.reset(),
        ...counted(records),
      });
      return {
        reset: () => store.reset(),
        transact: (change, plan) =>
          store.transact((state) => {
            reads.loaded += recordsIn(state);
            reads.transactions += 1;
            return change(state);
          }, plan),
      };
    },
    /** What the transactions run during `act` read, from none. */
    async during(act: () => Promise<unknown>): Promise<Reads> {
      reads = { loaded: 0, fetched: 0, transactions: 0 };
      await act();
      const seen = reads;
      reads = { loaded: 0, fetched: 0, transactions: 0 };
      return seen;
    },
  };
}
