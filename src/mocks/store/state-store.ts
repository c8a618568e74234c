import type { ServerState } from '../domain/state';

/**
 * Where the mock server keeps its state. `transact` reads the current state,
 * runs `change` on it and writes the result atomically; if `change` throws,
 * nothing is written. `change` is synchronous so a transaction never spans an
 * await, which is what keeps it atomic across tabs.
 */
export interface StateStore {
  transact<T>(change: (state: ServerState) => T): Promise<T>;
  /** Drops all state; the next transaction starts from the seed. */
  reset(): Promise<void>;
}
