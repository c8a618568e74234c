import type { CollectionSpec } from './collections';
import { compareKeys, inRange, keyAt } from './record-backend';

/** What a read-only pick asks of a collection: everything, some keys, or an index range. */
export type CachedPick =
  | { all: true }
  | { keys: readonly Parameters<typeof compareKeys>[0][] }
  | { index: string; range: Parameters<typeof inRange>[1] };

/**
 * A tab's copy of one store for read-only picks (ADR 0017): frozen records by
 * sequence, valid while the store's stamp in the meta record is the one it was
 * made at. A stamp names the database's life (a new one at each seed or reset)
 * and the store's version in it, so it never repeats.
 */
export interface StoreCopy {
  stamp: string;
  rows: Map<number, Readonly<Record<string, unknown>>>;
  /** What picks selected from these rows, by the pick; emptied whenever the rows change. */
  slices: Map<string, FrozenSlice>;
}

type FrozenRecord = Readonly<Record<string, unknown>>;

/**
 * The rows of a copy one read-only pick selects, prepared once per copy so a
 * transaction adopts them whole: a list of 10,000 tickets costs a lookup, not
 * 10,000 insertions (issue 15).
 */
export interface FrozenSlice {
  /** By ascending sequence, the order of the state's arrays. */
  records: readonly FrozenRecord[];
  bySeq: ReadonlyMap<number, FrozenRecord>;
  seqOf: ReadonlyMap<object, number>;
}

export function storeCopy(stamp: string, rows: Iterable<[number, FrozenRecord]>): StoreCopy {
  return { stamp, rows: new Map(rows), slices: new Map() };
}

/** A pick's name among a copy's slices; ±Infinity, which JSON would make null, keeps its sign. */
const pickId = (pick: CachedPick) =>
  JSON.stringify(pick, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? String(value) : value,
  );

export function sliceOf(copy: StoreCopy, spec: CollectionSpec, pick: CachedPick): FrozenSlice {
  const id = pickId(pick);
  let slice = copy.slices.get(id);
  if (!slice) {
    const rows = pickFromCopy(copy, spec, pick).sort(([a], [b]) => a - b);
    slice = {
      records: rows.map(([, record]) => record),
      bySeq: new Map(rows),
      seqOf: new Map(rows.map(([s, record]) => [record, s])),
    };
    copy.slices.set(id, slice);
  }
  return slice;
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The rows of a copy a pick selects, by the same key paths and order rules as IndexedDB's. */
function pickFromCopy(
  copy: StoreCopy,
  spec: CollectionSpec,
  pick: CachedPick,
): [number, Readonly<Record<string, unknown>>][] {
  const rows = [...copy.rows];
  if ('all' in pick) return rows;
  if ('keys' in pick) {
    const path = spec.key;
    if (path === undefined) return [];
    return rows.filter(([, record]) => {
      const key = keyAt(record, path);
      return key !== undefined && pick.keys.some((wanted) => compareKeys(key, wanted) === 0);
    });
  }
  const path = spec.indexes?.[pick.index];
  if (path === undefined) throw new Error(`No index ${pick.index} on ${spec.store}`);
  return rows.filter(([, record]) => {
    const key = keyAt(record, path);
    return key !== undefined && inRange(key, pick.range);
  });
}
