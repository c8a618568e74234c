import type { Clock } from '../domain/context';
import type { ServerState } from '../domain/state';
import type { StateStore } from './state-store';
import { restoreState } from './stored-state';

/** The store of tests and of Node: a plain value, copied per transaction. */
export function createMemoryStore(clock: Clock, initial?: unknown): StateStore {
  let stored: unknown = initial;
  return {
    async transact(change) {
      const draft: ServerState = structuredClone(restoreState(stored, clock()));
      const result = change(draft);
      stored = draft;
      return result;
    },
    async reset() {
      stored = undefined;
    },
  };
}
