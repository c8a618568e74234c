import type { Backend, Operation, ServerPlan } from '@/backend/backend';
import type { ServerState } from '@/backend/domain/state';
import { EVERYTHING, type LoadPlan } from '@/backend/store/load-plan';
import type { StateStore } from '@/backend/store/state-store';

/**
 * The backend as a test looks at it from outside any request: a look at the
 * state, or a change made straight in the core, reads every collection
 * unless it names a plan. Requests never pass through here, and a request
 * path without a plan does not compile (ADR 0024); this is the one place
 * where loading EVERYTHING is the default, on purpose.
 */
export type TestBackend = Omit<Backend, 'run'> & {
  run<T>(operation: Operation<T>, plan?: ServerPlan): Promise<T>;
};

export function everythingByDefault(backend: Backend): TestBackend {
  return {
    store: backend.store,
    attachments: backend.attachments,
    clock: backend.clock,
    run: (operation, plan = EVERYTHING) => backend.run(operation, plan),
  };
}

/** A store as the store's own tests use it, the same way round. */
export type TestStore = Omit<StateStore, 'transact'> & {
  transact<T>(change: (state: ServerState) => T, plan?: LoadPlan): Promise<T>;
};

export function storeWithEverythingByDefault(store: StateStore): TestStore {
  return {
    reset: () => store.reset(),
    transact: (change, plan = EVERYTHING) => store.transact(change, plan),
  };
}
