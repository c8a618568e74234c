import type { RecordBackend, RecordTx } from '@/backend/store/record-backend';

/** One call a transaction made: a read with how many records it returned, or a write. */
export type Call =
  | { op: 'read'; store: string; records: number }
  | { op: 'put'; store: string; value: unknown }
  | { op: 'delete' | 'clear' | 'deleteFirst'; store: string };

/** A backend that notes what each transaction read and wrote, to tell a plan's cost. */
export function recording(inner: RecordBackend): { backend: RecordBackend; calls: Call[] } {
  const calls: Call[] = [];
  const read = async (store: string, found: Promise<unknown>) => {
    const value = await found;
    const records = Array.isArray(value) ? value.length : value === undefined ? 0 : 1;
    calls.push({ op: 'read', store, records });
    return value;
  };
  const backend: RecordBackend = {
    transaction: (stores, body) =>
      inner.transaction(stores, (tx) => {
        const noted: RecordTx = {
          get: (store, key) => read(store, tx.get(store, key)),
          getAll: (store) => read(store, tx.getAll(store)) as Promise<unknown[]>,
          getAllFromIndex: (store, index, range) =>
            read(store, tx.getAllFromIndex(store, index, range)) as Promise<unknown[]>,
          count: (store) => tx.count(store),
          deleteFirst: (store, count) => {
            calls.push({ op: 'deleteFirst', store });
            return tx.deleteFirst(store, count);
          },
          put: (store, value, key) => {
            calls.push({ op: 'put', store, value });
            tx.put(store, value, key);
          },
          delete: (store, key) => {
            calls.push({ op: 'delete', store });
            tx.delete(store, key);
          },
          clear: (store) => {
            calls.push({ op: 'clear', store });
            tx.clear(store);
          },
        };
        return body(noted);
      }),
  };
  return { backend, calls };
}
