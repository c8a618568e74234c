import type { Clock } from '../domain/context';
import { type CollectionStoreOptions, createCollectionStore } from './collection-store';
import { LEGACY_KEY, META_STORE, stateSchema } from './collections';
import { createFieldSealer, type FieldSealer, generateSealingKey } from './field-sealer';
import { createMemoryBackend, type MemorySchema } from './record-backend';
import type { StateStore } from './state-store';

/** The record backend the memory store keeps its collections in. */
export function createMemoryRecords() {
  const schema: MemorySchema = {};
  for (const [store, shape] of Object.entries(stateSchema())) schema[store] = shape.indexes;
  return createMemoryBackend(schema);
}

/** One key per record backend, as an install has one: stores sharing records share it. */
const sealers = new WeakMap<object, FieldSealer>();

/** The sealer of a memory backend: a random key, kept only as long as the records. */
export function memorySealer(records: object): FieldSealer {
  let sealer = sealers.get(records);
  if (!sealer) sealers.set(records, (sealer = createFieldSealer(generateSealingKey)));
  return sealer;
}

/**
 * The store of tests and of Node: the same collections, plans and write-back
 * as the browser's (ADR 0017), over maps. `initial` is a whole state as the
 * single-record layout kept it, converted by the first transaction like one
 * found in IndexedDB; `records` lets two stores share one backend, as two tabs share a database;
 * `seed` replaces the demo seed (tests seed passwords hashed at a cheap cost).
 */
export function createMemoryStore(
  clock: Clock,
  initial?: unknown,
  records = createMemoryRecords(),
  seed?: CollectionStoreOptions['seed'],
): StateStore {
  if (initial !== undefined) {
    void records.transaction([META_STORE], async (tx) => tx.put(META_STORE, initial, LEGACY_KEY));
  }
  return createCollectionStore(records, clock, {
    sealer: memorySealer(records),
    ...(seed ? { seed } : {}),
  });
}
