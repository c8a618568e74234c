import type { Clock } from '../domain/context';
import { type ResetNotice, SCHEMA_VERSION, type ServerState } from '../domain/state';
import { seedState } from '../seed';
import {
  COLLECTION_NAMES,
  type CollectionName,
  LEGACY_KEY,
  META_KEY,
  META_STORE,
  SEALED_COLLECTIONS,
  specOf,
  stateStoreNames,
  storesOf,
} from './collections';
import type { FieldSealer } from './field-sealer';
import { EVERYTHING, type LoadPlan, type Pick } from './load-plan';
import { LoadedCollection } from './loaded-collection';
import type { RecordBackend, RecordTx, Stored } from './record-backend';
import { deepFreeze, sliceOf, type StoreCopy, storeCopy } from './record-cache';
import { keyOpens, openRecords, sealKeyCheck, sealStoredRecords } from './sealed-records';
import { isMeta, type Meta, writeWhole } from './state-layout';
import type { StateStore } from './state-store';
import { NotLoadedError, StoredStateMismatchError } from './store-errors';
import { restoreState } from './stored-state';
import { followWrites, writeBack } from './write-back';

// Still importable from here, where tests and plans have always found it.
export { NotLoadedError };

/** The transaction met something only a transaction over every store can do. */
const NEEDS_EVERY_STORE = Symbol('needs every store');

/** The state that replaces what cannot be used (MOCK-2): the seed, with a notice when something was lost. */
function replacement(
  legacy: unknown,
  meta: unknown,
  now: number,
  seed: (now: number) => ServerState,
): ServerState {
  if (legacy !== undefined) return restoreState(legacy, now, seed);
  if (meta === undefined) return seed(now);
  const version = isMeta(meta) ? meta.scalars.version : undefined;
  const reason: ResetNotice['reason'] =
    typeof version === 'number' && version !== SCHEMA_VERSION ? 'outdated' : 'corrupt';
  return { ...seed(now), notice: { reason, at: now } };
}

/** Why stored state cannot be used as it is, or null when it can. */
function unusable(legacy: unknown, meta: unknown): StoredStateMismatchError | null {
  if (legacy !== undefined) {
    const version = (legacy as { version?: unknown } | null)?.version;
    return new StoredStateMismatchError(
      'legacy',
      typeof version === 'number' ? version : null,
      SCHEMA_VERSION,
    );
  }
  if (meta === undefined) return null;
  if (!isMeta(meta)) return new StoredStateMismatchError('corrupt', null, SCHEMA_VERSION);
  const version = meta.scalars.version;
  if (version === SCHEMA_VERSION) return null;
  const stored = typeof version === 'number' ? version : null;
  return new StoredStateMismatchError('outdated', stored, SCHEMA_VERSION);
}

export interface CollectionStoreOptions {
  /** Seals and opens the fields the registry declares sealed (ADR 0028), with a key the store does not keep. */
  sealer: FieldSealer;
  /** Told after every transaction and reset: the tabs' broadcast. */
  onChange?: () => void;
  /** The state an empty database starts from: the demo seed unless told otherwise. */
  seed?: (now: number) => ServerState;
  /**
   * What to do with stored state this code cannot use (a legacy record, a
   * corrupt meta record, another SCHEMA_VERSION): the browser replaces it with
   * the seed and a notice (MOCK-2); a server refuses, since it never wipes its data.
   */
  whenUnusable?: 'reset' | 'refuse';
}

function collectionsOf(plan: LoadPlan): Set<CollectionName> | null {
  // Stages that do not say which collections they pick from may pick from any.
  if ((plan.stages ?? []).length > 0 && plan.pickFrom === undefined) return null;
  return new Set<CollectionName>([
    ...(plan.whole ?? []),
    ...(plan.append ?? []),
    ...(plan.pickFrom ?? []),
  ]);
}

/**
 * The state store over per-collection object stores (MOCK-2, ADR 0017). A
 * transaction loads what its plan names, runs the synchronous change on a
 * ServerState holding just that, then writes back only the records that were
 * added, changed or removed, all in one backend transaction.
 */
export function createCollectionStore(
  backend: RecordBackend,
  clock: Clock,
  options: CollectionStoreOptions,
): StateStore {
  const { sealer } = options;
  const seed = options.seed ?? seedState;
  const refuse = options.whenUnusable === 'refuse';
  const everyStore = stateStoreNames();
  /** This tab's copies of stores, for read-only picks. */
  const copies = new Map<string, StoreCopy>();

  /** Records without a meta record are not an empty database: a server keeps them. */
  async function refuseUnlessEmpty(tx: RecordTx) {
    const counts = await Promise.all(
      everyStore.filter((store) => store !== META_STORE).map((store) => tx.count(store)),
    );
    if (counts.some((count) => count > 0)) {
      throw new StoredStateMismatchError('corrupt', null, SCHEMA_VERSION);
    }
  }

  /** A database sealed with another key cannot be used (ADR 0028); nor can a changed key check. */
  async function wrongKey(tx: RecordTx, meta: unknown): Promise<StoredStateMismatchError | null> {
    if (!isMeta(meta) || meta.sealing === undefined) return null;
    if (await keyOpens(tx, sealer, meta.sealing)) return null;
    return new StoredStateMismatchError('sealed', SCHEMA_VERSION, SCHEMA_VERSION);
  }

  /** A database from before ADR 0028: its secrets are sealed in this transaction, once. */
  async function sealInClear(tx: RecordTx, meta: Meta, scope: ReadonlySet<string>): Promise<Meta> {
    if (scope.size < everyStore.length) throw NEEDS_EVERY_STORE;
    await sealStoredRecords(tx, sealer, SEALED_COLLECTIONS);
    const sealed: Meta = { ...meta, sealing: await sealKeyCheck(tx, sealer) };
    tx.put(META_STORE, sealed, META_KEY);
    return sealed;
  }

  async function run<T>(
    tx: RecordTx,
    plan: LoadPlan,
    change: (state: ServerState) => T,
    scope: ReadonlySet<string>,
  ): Promise<{ result: T; afterCommit: () => void }> {
    const [storedMeta, legacy] = await Promise.all([
      tx.get(META_STORE, META_KEY),
      tx.get(META_STORE, LEGACY_KEY),
    ]);
    let meta: Meta;
    const problem = unusable(legacy, storedMeta) ?? (await wrongKey(tx, storedMeta));
    if (problem !== null || !isMeta(storedMeta)) {
      if (problem !== null && refuse) throw problem;
      if (scope.size < everyStore.length) throw NEEDS_EVERY_STORE;
      if (refuse) await refuseUnlessEmpty(tx);
      meta = await writeWhole(tx, replacement(legacy, storedMeta, clock(), seed), sealer);
    } else if (storedMeta.sealing === undefined) {
      meta = await sealInClear(tx, storedMeta, scope);
    } else {
      meta = storedMeta;
    }

    // Copies made here join `copies` only once the transaction commits: a backend
    // may roll this attempt back and run it again (PostgreSQL, ADR 0025).
    const fresh = new Map<string, StoreCopy>();
    const identity = new WeakMap<object, number>();
    const loaded = new Map<CollectionName, LoadedCollection>();
    const loadedOf = (name: CollectionName) => {
      let collection = loaded.get(name);
      if (!collection) {
        const spec = specOf(name);
        if (!scope.has(spec.store)) throw NEEDS_EVERY_STORE;
        loaded.set(name, (collection = new LoadedCollection(name, spec, identity)));
      }
      return collection;
    };

    const opened = async (name: CollectionName, rows: unknown[]) => {
      await openRecords(
        tx,
        sealer,
        name,
        (rows as Stored[]).map((row) => row.v),
      );
      return rows as Stored[];
    };

    async function load(name: CollectionName, read: unknown[], withSplit: boolean) {
      const collection = loadedOf(name);
      const rows = await opened(name, read);
      for (const row of rows) collection.add(row);
      const split = collection.spec.split;
      if (!withSplit || !split) return;
      const wanted = rows.filter((row) => !collection.splitSnapshot.has(row.s));
      const values = await Promise.all(wanted.map((row) => tx.get(split.store, row.s)));
      wanted.forEach((row, index) =>
        collection.addSplit(row.s, (values[index] as Stored | undefined)?.v),
      );
    }

    async function loadWhole(name: CollectionName) {
      const collection = loadedOf(name);
      const split = collection.spec.split;
      const [read, splits] = await Promise.all([
        tx.getAll(collection.spec.store),
        split ? tx.getAll(split.store) : Promise.resolve([]),
      ]);
      const rows = await opened(name, read);
      for (const row of rows) collection.add(row);
      for (const row of splits as Stored[]) collection.addSplit(row.s, row.v);
      if (split) for (const row of rows) collection.addSplit(row.s, []);
    }

    const stampOf = (store: string) => `${meta.life ?? ''}:${meta.versions?.[store] ?? 0}`;

    async function loadPick(pick: Pick) {
      const spec = specOf(pick.from);
      const withSplit = pick.withSplit === true;
      if (pick.readOnly && !withSplit) {
        const collection = loadedOf(pick.from);
        const stamp = stampOf(spec.store);
        let copy = fresh.get(spec.store) ?? copies.get(spec.store);
        if (copy?.stamp !== stamp) {
          const rows = await opened(pick.from, await tx.getAll(spec.store));
          copy = storeCopy(
            stamp,
            rows.map((row) => [row.s, deepFreeze(row.v as Record<string, unknown>)]),
          );
          fresh.set(spec.store, copy);
        }
        collection.adoptFrozen(sliceOf(copy, spec, pick));
        return;
      }
      if ('all' in pick) return load(pick.from, await tx.getAll(spec.store), withSplit);
      if ('keys' in pick) {
        const found = await Promise.all(
          pick.keys.map((key) => tx.getAllFromIndex(spec.store, 'key', { only: key })),
        );
        return load(pick.from, found.flat(), withSplit);
      }
      return load(
        pick.from,
        await tx.getAllFromIndex(spec.store, pick.index, pick.range),
        withSplit,
      );
    }

    const scalarsBefore = JSON.stringify(meta.scalars);
    const view = { ...meta.scalars } as Record<string, unknown>;
    const present = () => {
      for (const name of COLLECTION_NAMES) {
        const collection = loaded.get(name);
        if (collection) {
          Object.defineProperty(view, name, {
            value: collection.list(),
            writable: true,
            enumerable: true,
            configurable: true,
          });
        } else {
          Object.defineProperty(view, name, {
            enumerable: false,
            configurable: true,
            get: () => {
              throw new NotLoadedError(`state.${name}`);
            },
            set: () => {
              throw new NotLoadedError(`state.${name}`);
            },
          });
        }
      }
    };

    await Promise.all((plan.whole ?? []).map(loadWhole));
    for (const name of plan.append ?? []) loadedOf(name);
    present();
    for (const stage of plan.stages ?? []) {
      const picks = stage(view as unknown as ServerState);
      await Promise.all(picks.map(loadPick));
      present();
    }

    const result = change(view as unknown as ServerState);

    const written = await writeBack(
      tx,
      { meta, scalarsBefore, collections: loaded.values(), view },
      sealer,
    );
    const afterCommit = () => {
      for (const [store, copy] of fresh) copies.set(store, copy);
      followWrites(copies, written, meta.life, stampOf);
    };
    return { result, afterCommit };
  }

  return {
    async transact(change, plan: LoadPlan = EVERYTHING) {
      const named = collectionsOf(plan);
      const stores = named === null ? everyStore : storesOf(named);
      const attempt = (scope: string[]) =>
        backend.transaction(scope, (tx) => run(tx, plan, change, new Set(scope)));
      let outcome: Awaited<ReturnType<typeof attempt>>;
      try {
        outcome = await attempt(stores);
      } catch (error) {
        if (error !== NEEDS_EVERY_STORE) throw error;
        outcome = await attempt(everyStore);
      }
      outcome.afterCommit();
      options.onChange?.();
      return outcome.result;
    },
    async reset() {
      await backend.transaction(everyStore, async (tx) => {
        for (const store of everyStore) tx.clear(store);
      });
      options.onChange?.();
    },
  };
}
