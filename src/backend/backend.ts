import { type Clock, cryptoRandomBytes, type DomainContext } from './domain/context';
import { DomainError } from './domain/errors';
import type { ServerState } from './domain/state';
import { type AttachmentStore, createMemoryAttachmentStore } from './store/attachment-store';
import { bindPlan, type LoadPlan } from './store/load-plan';
import type { StateStore } from './store/state-store';

export type Operation<T> = (state: ServerState, ctx: DomainContext) => T | DomainError;

/** What a transaction loads (ADR 0017); its stages see the server's clock. */
export type ServerPlan = LoadPlan<DomainContext>;

/** The mock server: the domain core bound to a store, a clock and a random source. */
export interface Backend {
  /**
   * Runs one operation as one atomic transaction over what `plan` loads; a
   * returned refusal is thrown after the write. There is no default: a
   * caller that wants every collection says EVERYTHING (ADR 0024).
   */
  run<T>(operation: Operation<T>, plan: ServerPlan): Promise<T>;
  readonly store: StateStore;
  /** The bytes of ticket attachments, beside the state that describes them. */
  readonly attachments: AttachmentStore;
  readonly clock: Clock;
}

export function createBackend(options: {
  store: StateStore;
  clock: Clock;
  randomBytes?: (length: number) => Uint8Array;
  attachments?: AttachmentStore;
}): Backend {
  const {
    store,
    clock,
    randomBytes = cryptoRandomBytes,
    attachments = createMemoryAttachmentStore(),
  } = options;
  return {
    store,
    attachments,
    clock,
    async run(operation, plan) {
      // MOCK-8: the dev tools' clock offset moves the whole server's clock.
      const ctxOf = (state: ServerState): DomainContext => ({
        now: clock() + state.devSettings.clockOffsetMs,
        randomBytes,
      });
      const result = await store.transact(
        (state) => operation(state, ctxOf(state)),
        bindPlan(plan, ctxOf),
      );
      if (result instanceof DomainError) throw result;
      return result;
    },
  };
}
