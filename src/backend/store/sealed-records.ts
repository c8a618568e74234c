import { type CollectionName, type CollectionSpec, specOf } from './collections';
import { type FieldSealer, isSealed, SealedFieldError } from './field-sealer';
import { keyAt, type RecordTx } from './record-backend';

/**
 * The store's side of ADR 0028: the fields a collection declares `sealed` are
 * opened as records are loaded, before the rules see them, and sealed as they
 * are written, so the rules stay synchronous and never see a sealed value, and
 * the stored bytes never hold one in clear.
 */

type Fields = Record<string, unknown>;

/** A backend whose transaction ends when it waits for something else (IndexedDB) keeps it open here. */
function holding<T>(tx: RecordTx, work: Promise<T>): Promise<T> {
  return tx.hold ? tx.hold(work) : work;
}

function valueAt(record: Fields, path: string): unknown {
  let value: unknown = record;
  for (const step of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Fields)[step];
  }
  return value;
}

/** Sets a field by path on a record whose path objects are its own (read rows, or copies). */
function setAt(record: Fields, path: string, value: string): void {
  const steps = path.split('.');
  let holder = record;
  for (const step of steps.slice(0, -1)) holder = holder[step] as Fields;
  holder[steps[steps.length - 1] as string] = value;
}

/** A copy of the record with its own objects along the path, the rest shared. */
function copiedAlong(record: Fields, path: string): Fields {
  const copy = { ...record };
  let holder = copy;
  for (const step of path.split('.').slice(0, -1)) {
    const inner = { ...(holder[step] as Fields) };
    holder[step] = inner;
    holder = inner;
  }
  return copy;
}

/** What GCM's additional data names: the collection, the record's key and the field. */
function placeOf(name: CollectionName, spec: CollectionSpec, record: Fields, path: string) {
  const key = spec.key === undefined ? undefined : keyAt(record, spec.key);
  if (key === undefined) throw new SealedFieldError(`A record of ${name} without a key to seal by`);
  return `${name}:${JSON.stringify(key)}:${path}`;
}

/** The sealed fields of a record that hold a string (a field may be null or absent). */
function stringFields(spec: CollectionSpec, record: Fields): string[] {
  return (spec.sealed ?? []).filter((path) => typeof valueAt(record, path) === 'string');
}

/**
 * Turns each field's value into another (opened or sealed) on `target`: from
 * what the sealer already knows at once, the rest through WebCrypto while
 * the transaction is held open.
 */
async function convert(
  tx: RecordTx,
  jobs: { target: Fields; path: string; value: string; place: string }[],
  known: (value: string, place: string) => string | undefined,
  compute: (value: string, place: string) => Promise<string>,
): Promise<void> {
  const waiting: Promise<void>[] = [];
  for (const { target, path, value, place } of jobs) {
    const answer = known(value, place);
    if (answer !== undefined) setAt(target, path, answer);
    else waiting.push(compute(value, place).then((computed) => setAt(target, path, computed)));
  }
  if (waiting.length > 0) await holding(tx, Promise.all(waiting));
}

/**
 * Opens the sealed fields of freshly read records, in place. A value that is
 * not sealed, or does not open, throws: once a database is sealed (ADR 0028),
 * a secret in clear is one somebody put there.
 */
export async function openRecords(
  tx: RecordTx,
  sealer: FieldSealer,
  name: CollectionName,
  records: readonly unknown[],
): Promise<void> {
  const spec = specOf(name);
  if (!spec.sealed) return;
  const jobs = (records as Fields[]).flatMap((record) =>
    stringFields(spec, record).map((path) => ({
      target: record,
      path,
      value: valueAt(record, path) as string,
      place: placeOf(name, spec, record, path),
    })),
  );
  await convert(tx, jobs, sealer.openedBefore, sealer.open);
}

/** Copies of records with the given fields of each sealed (a record with none is itself). */
async function sealPaths(
  tx: RecordTx,
  sealer: FieldSealer,
  name: CollectionName,
  records: readonly { record: Fields; paths: readonly string[] }[],
): Promise<Fields[]> {
  const spec = specOf(name);
  const jobs: Parameters<typeof convert>[1] = [];
  const copies = records.map(({ record, paths }) => {
    let copy = record;
    for (const path of paths) copy = copiedAlong(copy, path);
    for (const path of paths) {
      const value = valueAt(record, path) as string;
      jobs.push({ target: copy, path, value, place: placeOf(name, spec, record, path) });
    }
    return copy;
  });
  await convert(tx, jobs, sealer.sealedBefore, sealer.seal);
  return copies;
}

/** The records as they are stored: copies with their sealed fields sealed, in the same order. */
export function sealedRecords(
  tx: RecordTx,
  sealer: FieldSealer,
  name: CollectionName,
  records: readonly Fields[],
): Promise<Fields[]> {
  const spec = specOf(name);
  if (!spec.sealed) return Promise.resolve([...records]);
  return sealPaths(
    tx,
    sealer,
    name,
    records.map((record) => ({ record, paths: stringFields(spec, record) })),
  );
}

/**
 * A database from before ADR 0028 keeps secrets in clear: every record of a
 * sealed collection that still holds one is written again, sealed. It runs
 * once, in the transaction that finds the database unsealed.
 */
export async function sealStoredRecords(
  tx: RecordTx,
  sealer: FieldSealer,
  names: readonly CollectionName[],
): Promise<void> {
  for (const name of names) {
    const spec = specOf(name);
    const rows = (await tx.getAll(spec.store)) as { s: number; v: Fields }[];
    const inClear = rows
      .map((row) => ({
        row,
        paths: stringFields(spec, row.v).filter(
          (path) => !isSealed(valueAt(row.v, path) as string),
        ),
      }))
      .filter(({ paths }) => paths.length > 0);
    const sealed = await sealPaths(
      tx,
      sealer,
      name,
      inClear.map(({ row, paths }) => ({ record: row.v, paths })),
    );
    inClear.forEach(({ row }, index) => tx.put(spec.store, { s: row.s, v: sealed[index] }));
  }
}

/** Where the key check is sealed: no record has this place. */
const KEY_CHECK_PLACE = 'meta:key-check';
const KEY_CHECK_TEXT = 'sealed at rest (ADR 0028)';

/** A value only the same key opens: kept in the meta record, so a wrong key is found at once. */
export function sealKeyCheck(tx: RecordTx, sealer: FieldSealer): Promise<string> {
  return holding(tx, sealer.seal(KEY_CHECK_TEXT, KEY_CHECK_PLACE));
}

/** Whether the sealer's key is the one the database was sealed with. */
export async function keyOpens(tx: RecordTx, sealer: FieldSealer, check: string): Promise<boolean> {
  const known = sealer.openedBefore(check, KEY_CHECK_PLACE);
  if (known !== undefined) return known === KEY_CHECK_TEXT;
  try {
    return (await holding(tx, sealer.open(check, KEY_CHECK_PLACE))) === KEY_CHECK_TEXT;
  } catch (error) {
    if (error instanceof SealedFieldError) return false;
    throw error;
  }
}
