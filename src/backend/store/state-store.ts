import type { ServerState } from '../domain/state';
import type { LoadPlan } from './load-plan';

/**
 * Where the mock server keeps its state. `transact` loads what `plan` names
 * (ADR 0017; EVERYTHING only when a caller says so), runs `change` on it and writes what
 * changed atomically; if `change` throws, nothing is written. `change` is
 * synchronous so a transaction never spans an await, which is what keeps it
 * atomic across tabs (ADR 0017).
 */
export interface StateStore {
  transact<T>(change: (state: ServerState) => T, plan: LoadPlan): Promise<T>;
  /** Drops all state; the next transaction starts from the seed. */
  reset(): Promise<void>;
}
