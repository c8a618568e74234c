import { META_KEY, META_STORE } from './collections';
import type { FieldSealer } from './field-sealer';
import type { LoadedCollection } from './loaded-collection';
import { keyAt, type RecordTx } from './record-backend';
import { deepFreeze, type StoreCopy } from './record-cache';
import { sealedRecords } from './sealed-records';
import { headerOf, type Meta, scalarsOf, splitValueOf } from './state-layout';

/** What a transaction wrote to one store: the headers put and the sequences deleted. */
interface StoreWrites {
  puts: Map<number, unknown>;
  deletes: Set<number>;
}

/** What a transaction wrote, for the tab's copies to follow once it has committed. */
export interface Written {
  stores: Map<string, StoreWrites>;
  /** Stores trimmed to their cap: which records went is not known here, so no copy follows. */
  trimmed: Set<string>;
  /** Each store's version after this transaction. */
  versions: Record<string, number>;
}

/**
 * Writes back only what changed, all before the transaction commits (ADR
 * 0017): each loaded collection is compared with what was loaded, record by
 * record (by identity, then by key, then by content as JSON); new records get
 * the next sequences, changed ones are put, missing ones deleted; records never
 * loaded are never touched. Then the meta record, if anything changed.
 */
export async function writeBack(
  tx: RecordTx,
  loadedState: {
    meta: Meta;
    /** The scalars as JSON before the change ran: it may change their objects in place. */
    scalarsBefore: string;
    collections: Iterable<LoadedCollection>;
    /** The state the change ran on. */
    view: Record<string, unknown>;
  },
  sealer: FieldSealer,
): Promise<Written> {
  const { meta, scalarsBefore, collections, view } = loadedState;
  let seq = meta.seq;
  const trims: Promise<void>[] = [];
  const versions = { ...(meta.versions ?? {}) };
  const written = new Map<string, StoreWrites>();
  const writesOf = (store: string) => {
    let writes = written.get(store);
    if (!writes) written.set(store, (writes = { puts: new Map(), deletes: new Set() }));
    return writes;
  };
  const trimmed = new Set<string>();
  for (const collection of collections) {
    const { spec, name } = collection;
    const records = view[name];
    if (!Array.isArray(records)) throw new Error(`state.${name} must stay an array`);
    // A list read whole from the tab's copy, and only read: nothing to look at one by one.
    if (collection.isSliceUnchanged(records)) continue;
    const used = new Set<number>();
    let added = 0;
    /** Headers to put, as the rules left them: sealed below, kept in clear for the tab's copy. */
    const puts: { s: number; header: Record<string, unknown> }[] = [];
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
        puts.push({ s, header });
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
    const stored = await sealedRecords(
      tx,
      sealer,
      name,
      puts.map(({ header }) => header),
    );
    puts.forEach(({ s }, index) => tx.put(spec.store, { s, v: stored[index] }));
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
    const next: Meta = { scalars, seq, life: meta.life, versions };
    if (meta.sealing !== undefined) next.sealing = meta.sealing;
    tx.put(META_STORE, next, META_KEY);
  }
  await Promise.all(trims);
  return { stores: written, trimmed, versions };
}

/**
 * After the commit, this tab's copies follow its own writes; another tab's
 * show in the stamps. `stampBefore` is what a store's stamp was when the
 * transaction began: a copy of another stamp is dropped.
 */
export function followWrites(
  copies: Map<string, StoreCopy>,
  written: Written,
  life: string | undefined,
  stampBefore: (store: string) => string,
): void {
  for (const [store, writes] of written.stores) {
    const copy = copies.get(store);
    if (!copy || copy.stamp !== stampBefore(store) || written.trimmed.has(store)) {
      copies.delete(store);
      continue;
    }
    copy.slices.clear();
    for (const s of writes.deletes) copy.rows.delete(s);
    for (const [s, header] of writes.puts) {
      copy.rows.set(s, deepFreeze(structuredClone(header) as Record<string, unknown>));
    }
    copy.stamp = `${life ?? ''}:${written.versions[store]}`;
  }
}
