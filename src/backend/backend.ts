import type { DevSettings } from '@/api/schemas/dev';
import { createDevSettingsCopy } from './dev-settings-copy';
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
  /**
   * MOCK-8: the dev settings as this process's last transaction left them,
   * or null before its first: the fault switches read them here rather than
   * in a transaction of their own (ADR 0027).
   */
  lastDevSettings(): DevSettings | null;
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
  const devSettings = createDevSettingsCopy();
  return {
    store,
    attachments,
    clock,
    lastDevSettings: devSettings.current,
    async run(operation, plan) {
      // MOCK-8: the dev tools' clock offset moves the whole server's clock.
      const ctxOf = (state: ServerState): DomainContext => ({
        now: clock() + state.devSettings.clockOffsetMs,
        randomBytes,
      });
      const copy = devSettings.begin();
      const seen: { before?: DevSettings; after?: DevSettings } = {};
      const result = await store.transact(
        (state) => {
          seen.before = { ...state.devSettings };
          const outcome = operation(state, ctxOf(state));
          seen.after = { ...state.devSettings };
          return outcome;
        },
        bindPlan(plan, ctxOf),
      );
      // Only what a transaction that settled saw: one that threw wrote nothing.
      if (seen.before && seen.after) copy.settle(seen.before, seen.after);
      if (result instanceof DomainError) throw result;
      return result;
    },
  };
}
