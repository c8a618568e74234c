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
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The rows of a copy a pick selects, by the same key paths and order rules as IndexedDB's. */
export function pickFromCopy(
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
