import { type Clock, cryptoRandomBytes, type DomainContext } from './domain/context';
import { DomainError } from './domain/errors';
import type { ServerState } from './domain/state';
import { type AttachmentStore, createMemoryAttachmentStore } from './store/attachment-store';
import type { StateStore } from './store/state-store';

export type Operation<T> = (state: ServerState, ctx: DomainContext) => T | DomainError;

/** The mock server: the domain core bound to a store, a clock and a random source. */
export interface MockServer {
  /** Runs one operation as one atomic transaction; a returned refusal is thrown after the write. */
  run<T>(operation: Operation<T>): Promise<T>;
  readonly store: StateStore;
  /** The bytes of ticket attachments, beside the state that describes them. */
  readonly attachments: AttachmentStore;
  readonly clock: Clock;
}

export function createMockServer(options: {
  store: StateStore;
  clock: Clock;
  randomBytes?: (length: number) => Uint8Array;
  attachments?: AttachmentStore;
}): MockServer {
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
    async run(operation) {
      const result = await store.transact((state) =>
        // MOCK-8: the dev tools' clock offset moves the whole server's clock.
        operation(state, { now: clock() + state.devSettings.clockOffsetMs, randomBytes }),
      );
      if (result instanceof DomainError) throw result;
      return result;
    },
  };
}
