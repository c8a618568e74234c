import type { CollectionName, CollectionSpec } from './collections';
import { type Key, keyAt, type Stored } from './record-backend';
import type { FrozenSlice } from './record-cache';
import { NotLoadedError } from './store-errors';

const keyId = (key: Key) => JSON.stringify(key);

/** What one transaction loaded of one collection, to tell afterwards what changed. */
export class LoadedCollection {
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
