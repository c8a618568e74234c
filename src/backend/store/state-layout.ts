import type { ServerState } from '../domain/state';
import {
  COLLECTION_NAMES,
  type CollectionSpec,
  LEGACY_KEY,
  META_KEY,
  META_STORE,
  specOf,
  stateStoreNames,
} from './collections';
import type { FieldSealer } from './field-sealer';
import type { RecordTx } from './record-backend';
import { sealedRecords, sealKeyCheck } from './sealed-records';

/** The meta record: every field of ServerState that is not a registered collection. */
export interface Meta {
  scalars: Record<string, unknown>;
  /** The last insertion sequence handed out: the primary key of every collection record. */
  seq: number;
  /** Names this database's life, from one seed or conversion to the next. */
  life?: string;
  /** Per store, how many transactions wrote it in this life: what the tabs' copies go by. */
  versions?: Record<string, number>;
  /**
   * A value sealed with the key of this database's sealed fields (ADR 0028):
   * a wrong key fails on it before any record is read. Absent in a database
   * whose secrets are still in clear, which the next transaction seals.
   */
  sealing?: string;
}

const newLife = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

const REGISTERED = new Set<string>(COLLECTION_NAMES);

export function isMeta(value: unknown): value is Meta {
  if (value === null || typeof value !== 'object') return false;
  const meta = value as Partial<Meta>;
  return typeof meta.seq === 'number' && meta.scalars !== null && typeof meta.scalars === 'object';
}

/** The part of a record kept in the collection's own store; the split field goes apart. */
export function headerOf(record: Record<string, unknown>, spec: CollectionSpec) {
  if (!spec.split) return record;
  const header: Record<string, unknown> = { ...record };
  delete header[spec.split.field];
  return header;
}

/** The split field when the transaction holds it (loaded, or set on a new record). */
export function splitValueOf(record: Record<string, unknown>, spec: CollectionSpec): unknown {
  if (!spec.split) return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(record, spec.split.field);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

export function scalarsOf(state: object): Record<string, unknown> {
  const scalars: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(state)) {
    if (!REGISTERED.has(name)) scalars[name] = value;
  }
  return scalars;
}

/** Writes a whole state over whatever the stores held: the seed, a reset, a conversion. */
export async function writeWhole(
  tx: RecordTx,
  state: ServerState,
  sealer: FieldSealer,
): Promise<Meta> {
  for (const store of stateStoreNames()) {
    if (store !== META_STORE) tx.clear(store);
  }
  let seq = 0;
  for (const name of COLLECTION_NAMES) {
    const spec = specOf(name);
    const records = (state as unknown as Record<string, unknown>)[name];
    const list = Array.isArray(records) ? (records as Record<string, unknown>[]) : [];
    const stored = await sealedRecords(
      tx,
      sealer,
      name,
      list.map((record) => headerOf(record, spec)),
    );
    list.forEach((record, index) => {
      seq += 1;
      tx.put(spec.store, { s: seq, v: stored[index] });
      if (spec.split) tx.put(spec.split.store, { s: seq, v: record[spec.split.field] ?? [] });
    });
  }
  const meta: Meta = {
    scalars: scalarsOf(state),
    seq,
    life: newLife(),
    versions: {},
    sealing: await sealKeyCheck(tx, sealer),
  };
  tx.put(META_STORE, meta, META_KEY);
  tx.delete(META_STORE, LEGACY_KEY);
  return meta;
}
