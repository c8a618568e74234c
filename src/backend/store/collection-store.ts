import type { Clock } from '../domain/context';
import { type ResetNotice, SCHEMA_VERSION, type ServerState } from '../domain/state';
import { seedState } from '../seed';
import {
  COLLECTION_NAMES,
  type CollectionName,
  type CollectionSpec,
  LEGACY_KEY,
  META_KEY,
  META_STORE,
  specOf,
  stateStoreNames,
  storesOf,
} from './collections';
import { EVERYTHING, type LoadPlan, type Pick } from './load-plan';
import { type Key, keyAt, type RecordBackend, type RecordTx, type Stored } from './record-backend';
import { deepFreeze, type FrozenSlice, sliceOf, type StoreCopy, storeCopy } from './record-cache';
import type { StateStore } from './state-store';
import { NotLoadedError } from './store-errors';
import { restoreState } from './stored-state';

/** The meta record: every field of ServerState that is not a registered collection. */
interface Meta {
  scalars: Record<string, unknown>;
  /** The last insertion sequence handed out: the primary key of every collection record. */
  seq: number;
  /** Names this database's life, from one seed or conversion to the next. */
  life?: string;
  /** Per store, how many transactions wrote it in this life: what the tabs' copies go by. */
  versions?: Record<string, number>;
}

const newLife = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

// Still importable from here, where tests and plans have always found it.
export { NotLoadedError };

/** The transaction met something only a transaction over every store can do. */
const NEEDS_EVERY_STORE = Symbol('needs every store');

const REGISTERED = new Set<string>(COLLECTION_NAMES);
const keyId = (key: Key) => JSON.stringify(key);

function isMeta(value: unknown): value is Meta {
  if (value === null || typeof value !== 'object') return false;
  const meta = value as Partial<Meta>;
  return typeof meta.seq === 'number' && meta.scalars !== null && typeof meta.scalars === 'object';
}

/** What one transaction loaded of one collection, to tell afterwards what changed. */
class LoadedCollection {
  readonly records = new Map<number, Record<string, unknown>>();
  readonly snapshot = new Map<number, string>();
  readonly splitSnapshot = new Map<number, string>();
  private readonly byKey = new Map<string, number>();
  /** Records from the tab's copy: frozen, never written back. */
  private readonly frozen = new Set<number>();
  /**
   * A slice of the tab's copy adopted whole (ADR 0017). A record loaded one by
   * one, first, stands in front of its row in the slice.
   */
  private slice: FrozenSlice | null = null;
  private listed: Record<string, unknown>[] | null = null;

  constructor(
    readonly name: CollectionName,
    readonly spec: CollectionSpec,
    private readonly identity: WeakMap<object, number>,
  ) {}

  adoptFrozen(slice: FrozenSlice): void {
    if (this.slice === null) {
      this.slice = slice;
      this.listed = null;
      return;
    }
    slice.bySeq.forEach((record, s) => this.addFrozen(s, record));
  }

  private inSlice(s: number): boolean {
    return this.slice !== null && !this.records.has(s) && this.slice.bySeq.has(s);
  }

  /** Takes the slice in record by record: what looking a record up by key needs. */
  private materialize(): void {
    const slice = this.slice;
    if (slice === null) return;
    this.slice = null;
    slice.bySeq.forEach((record, s) => this.addFrozen(s, record));
  }

  private addFrozen(s: number, record: Readonly<Record<string, unknown>>) {
    if (this.records.has(s)) return;
    this.records.set(s, record);
    this.frozen.add(s);
    this.identity.set(record, s);
    // A copy the rules make of it still names the same record, so it is put, not added.
    const key = this.spec.key === undefined ? undefined : keyAt(record, this.spec.key);
    if (key !== undefined) this.byKey.set(keyId(key), s);
    this.listed = null;
  }

  add(stored: Stored): void {
    if (this.records.has(stored.s) || this.inSlice(stored.s)) return;
    const record = stored.v as Record<string, unknown>;
    this.records.set(stored.s, record);
    this.listed = null;
    this.identity.set(record, stored.s);
    this.snapshot.set(stored.s, JSON.stringify(record));
    const key = this.spec.key === undefined ? undefined : keyAt(record, this.spec.key);
    if (key !== undefined) this.byKey.set(keyId(key), stored.s);
    const split = this.spec.split;
    if (split) {
      Object.defineProperty(record, split.field, {
        configurable: true,
        enumerable: false,
        get: () => {
          throw new NotLoadedError(`${this.name}.${split.field}`);
        },
        set: (value: unknown) => {
          Object.defineProperty(record, split.field, {
            value,
            writable: true,
            enumerable: true,
            configurable: true,
          });
        },
      });
    }
  }

  addSplit(s: number, value: unknown): void {
    const record = this.records.get(s);
    const split = this.spec.split;
    if (!record || !split || this.splitSnapshot.has(s) || this.frozen.has(s)) return;
    const field = Array.isArray(value) ? value : [];
    Object.defineProperty(record, split.field, {
      value: field,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    this.splitSnapshot.set(s, JSON.stringify(field));
  }

  /** The sequence a record of the state was loaded as, if it was. */
  seqOf(record: object): number | undefined {
    const s = this.identity.get(record) ?? this.slice?.seqOf.get(record);
    return s !== undefined && (this.records.get(s) === record || this.inSlice(s)) ? s : undefined;
  }

  /** The sequence of the loaded record with this key: what a copy of a record replaces. */
  seqByKey(key: Key): number | undefined {
    this.materialize();
    return this.byKey.get(keyId(key));
  }

  isFrozen(s: number): boolean {
    return this.frozen.has(s) || this.inSlice(s);
  }

  /** Whether these are the slice's records, as adopted, with nothing loaded one by one. */
  isSliceUnchanged(records: readonly unknown[]): boolean {
    const slice = this.slice;
    if (slice === null || this.records.size > 0 || records.length !== slice.records.length) {
      return false;
    }
    return records.every((record, index) => record === slice.records[index]);
  }

  /** Every loaded sequence. */
  seqs(): number[] {
    const own = [...this.records.keys()];
    if (this.slice === null) return own;
    return [...own, ...[...this.slice.bySeq.keys()].filter((s) => !this.records.has(s))];
  }

  /** In insertion order, as the arrays of ServerState always were. */
  list(): Record<string, unknown>[] {
    this.listed ??= this.inOrder();
    return [...this.listed];
  }

  private inOrder(): Record<string, unknown>[] {
    const own = [...this.records.entries()].sort(([a], [b]) => a - b);
    const slice = this.slice;
    if (slice === null) return own.map(([, record]) => record);
    if (own.length === 0) return slice.records as Record<string, unknown>[];
    // Both are in ascending sequence: merged in one pass, the record loaded one by one first.
    const mine = new Map(own);
    const apart = own.filter(([s]) => !slice.bySeq.has(s));
    const merged: Record<string, unknown>[] = [];
    let next = 0;
    for (const [s, record] of slice.bySeq) {
      for (let row = apart[next]; row !== undefined && row[0] < s; row = apart[++next]) {
        merged.push(row[1]);
      }
      merged.push(mine.get(s) ?? (record as Record<string, unknown>));
    }
    for (const [, record] of apart.slice(next)) merged.push(record);
    return merged;
  }
}

/** The part of a record kept in the collection's own store; the split field goes apart. */
function headerOf(record: Record<string, unknown>, spec: CollectionSpec) {
  if (!spec.split) return record;
  const header: Record<string, unknown> = { ...record };
  delete header[spec.split.field];
  return header;
}

/** The split field when the transaction holds it (loaded, or set on a new record). */
function splitValueOf(record: Record<string, unknown>, spec: CollectionSpec): unknown {
  if (!spec.split) return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(record, spec.split.field);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

function scalarsOf(state: object): Record<string, unknown> {
  const scalars: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(state)) {
    if (!REGISTERED.has(name)) scalars[name] = value;
  }
  return scalars;
}

/** Writes a whole state over whatever the stores held: the seed, a reset, a conversion. */
function writeWhole(tx: RecordTx, state: ServerState): Meta {
  for (const store of stateStoreNames()) {
    if (store !== META_STORE) tx.clear(store);
  }
  let seq = 0;
  for (const name of COLLECTION_NAMES) {
    const spec = specOf(name);
    const records = (state as unknown as Record<string, unknown>)[name];
    for (const record of Array.isArray(records) ? (records as Record<string, unknown>[]) : []) {
      seq += 1;
      tx.put(spec.store, { s: seq, v: headerOf(record, spec) });
      if (spec.split) tx.put(spec.split.store, { s: seq, v: record[spec.split.field] ?? [] });
    }
  }
  const meta: Meta = { scalars: scalarsOf(state), seq, life: newLife(), versions: {} };
  tx.put(META_STORE, meta, META_KEY);
  tx.delete(META_STORE, LEGACY_KEY);
  return meta;
}

/** The state that replaces what cannot be used (MOCK-2): the seed, with a notice when something was lost. */
function replacement(legacy: unknown, meta: unknown, now: number): ServerState {
  if (legacy !== undefined) return restoreState(legacy, now);
  if (meta === undefined) return seedState(now);
  const version = isMeta(meta) ? meta.scalars.version : undefined;
  const reason: ResetNotice['reason'] =
    typeof version === 'number' && version !== SCHEMA_VERSION ? 'outdated' : 'corrupt';
  return { ...seedState(now), notice: { reason, at: now } };
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
  options: { onChange?: () => void } = {},
): StateStore {
  const everyStore = stateStoreNames();
  /** This tab's copies of stores, for read-only picks. */
  const copies = new Map<string, StoreCopy>();

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
    if (
      legacy !== undefined ||
      !isMeta(storedMeta) ||
      storedMeta.scalars.version !== SCHEMA_VERSION
    ) {
      if (scope.size < everyStore.length) throw NEEDS_EVERY_STORE;
      meta = writeWhole(tx, replacement(legacy, storedMeta, clock()));
    } else {
      meta = storedMeta;
    }

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

    async function load(name: CollectionName, rows: unknown[], withSplit: boolean) {
      const collection = loadedOf(name);
      for (const row of rows) collection.add(row as Stored);
      const split = collection.spec.split;
      if (!withSplit || !split) return;
      const wanted = (rows as Stored[]).filter((row) => !collection.splitSnapshot.has(row.s));
      const values = await Promise.all(wanted.map((row) => tx.get(split.store, row.s)));
      wanted.forEach((row, index) =>
        collection.addSplit(row.s, (values[index] as Stored | undefined)?.v),
      );
    }

    async function loadWhole(name: CollectionName) {
      const collection = loadedOf(name);
      const split = collection.spec.split;
      const [rows, splits] = await Promise.all([
        tx.getAll(collection.spec.store),
        split ? tx.getAll(split.store) : Promise.resolve([]),
      ]);
      for (const row of rows) collection.add(row as Stored);
      for (const row of splits as Stored[]) collection.addSplit(row.s, row.v);
      if (split) for (const row of rows as Stored[]) collection.addSplit(row.s, []);
    }

    const stampOf = (store: string) => `${meta.life ?? ''}:${meta.versions?.[store] ?? 0}`;

    async function loadPick(pick: Pick) {
      const spec = specOf(pick.from);
      const withSplit = pick.withSplit === true;
      if (pick.readOnly && !withSplit) {
        const collection = loadedOf(pick.from);
        const stamp = stampOf(spec.store);
        let copy = copies.get(spec.store);
        if (copy?.stamp !== stamp) {
          const rows = (await tx.getAll(spec.store)) as Stored[];
          copy = storeCopy(
            stamp,
            rows.map((row) => [row.s, deepFreeze(row.v as Record<string, unknown>)]),
          );
          copies.set(spec.store, copy);
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

    // Write back only what changed, all before the transaction commits.
    let seq = meta.seq;
    const trims: Promise<void>[] = [];
    const versions = { ...(meta.versions ?? {}) };
    /** Per store this transaction wrote: the headers put and the sequences deleted. */
    const written = new Map<string, { puts: Map<number, unknown>; deletes: Set<number> }>();
    const writesOf = (store: string) => {
      let writes = written.get(store);
      if (!writes) written.set(store, (writes = { puts: new Map(), deletes: new Set() }));
      return writes;
    };
    const trimmed = new Set<string>();
    for (const collection of loaded.values()) {
      const { spec, name } = collection;
      const records = view[name];
      if (!Array.isArray(records)) throw new Error(`state.${name} must stay an array`);
      // A list read whole from the tab's copy, and only read: nothing to look at one by one.
      if (collection.isSliceUnchanged(records)) continue;
      const used = new Set<number>();
      let added = 0;
      for (const record of records as Record<string, unknown>[]) {
        let s = collection.seqOf(record);
        if (s !== undefined && collection.isFrozen(s) && Object.isFrozen(record)) {
          used.add(s);
          continue;
        }
        if (s === undefined && spec.key !== undefined) {
          const key = keyAt(record, spec.key);
          if (key !== undefined) s = collection.seqByKey(key);
        }
        const isNew = s === undefined || used.has(s);
        if (s === undefined || isNew) {
          seq += 1;
          s = seq;
          added += 1;
        }
        used.add(s);
        const header = headerOf(record, spec);
        if (isNew || collection.snapshot.get(s) !== JSON.stringify(header)) {
          tx.put(spec.store, { s, v: header });
          writesOf(spec.store).puts.set(s, header);
        }
        if (spec.split) {
          const value = splitValueOf(record, spec);
          if (value !== undefined) {
            const json = JSON.stringify(value);
            if (isNew || collection.splitSnapshot.get(s) !== json) {
              tx.put(spec.split.store, { s, v: value });
            }
          }
        }
      }
      for (const s of collection.seqs()) {
        if (used.has(s)) continue;
        tx.delete(spec.store, s);
        writesOf(spec.store).deletes.add(s);
        if (spec.split) tx.delete(spec.split.store, s);
      }
      if (spec.cap !== undefined && added > 0) {
        const cap = spec.cap;
        trimmed.add(spec.store);
        trims.push(tx.count(spec.store).then((count) => tx.deleteFirst(spec.store, count - cap)));
      }
    }
    for (const store of written.keys()) versions[store] = (versions[store] ?? 0) + 1;
    const scalars = scalarsOf(view);
    if (seq !== meta.seq || written.size > 0 || JSON.stringify(scalars) !== scalarsBefore) {
      tx.put(META_STORE, { scalars, seq, life: meta.life, versions } satisfies Meta, META_KEY);
    }
    await Promise.all(trims);

    const before = stampOf;
    const afterCommit = () => {
      // This tab's copies follow its own writes; another tab's show in the stamps.
      for (const [store, writes] of written) {
        const copy = copies.get(store);
        if (!copy || copy.stamp !== before(store) || trimmed.has(store)) {
          copies.delete(store);
          continue;
        }
        copy.slices.clear();
        for (const s of writes.deletes) copy.rows.delete(s);
        for (const [s, header] of writes.puts) {
          copy.rows.set(s, deepFreeze(structuredClone(header) as Record<string, unknown>));
        }
        copy.stamp = `${meta.life ?? ''}:${versions[store]}`;
      }
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
