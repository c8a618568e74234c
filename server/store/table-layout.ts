import {
  COLLECTION_NAMES,
  type ColumnType,
  fieldsOf,
  indexedFields,
  type KeyPath,
  META_STORE,
  specOf,
} from '@/backend/store/collections';

/** A typed column that holds one field of the record, for its key and indexes. */
export interface FieldColumn {
  path: string;
  name: string;
  type: ColumnType;
}

/** Where the records of one store live in SQL (ADR 0021). */
export type TableLayout =
  | { kind: 'meta'; table: string }
  /** Rows `{ s, v }`: the record in `body`, its key and index fields in columns. */
  | {
      kind: 'collection';
      table: string;
      columns: readonly FieldColumn[];
      /** Registry index name (and `key`) → its columns, in order; compound ones' keys are arrays. */
      indexes: ReadonlyMap<string, { columns: readonly FieldColumn[]; compound: boolean }>;
    }
  /** Rows `{ s, v }` of a field kept apart: `v` in `body`. */
  | { kind: 'split'; table: string };

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** The table of a store: its name in snake_case; the meta store's is `meta`. */
export const tableName = (store: string) => (store === META_STORE ? 'meta' : snake(store));

/** A field path's column: `a.b` becomes `a__b`, so no path collides with another. */
export const columnName = (path: string) => path.split('.').map(snake).join('__');

/** An index's name, unique in the database as SQL wants it. */
export const indexName = (table: string, index: string) => `${table}_by_${snake(index)}`;

/** The columns every collection table has besides its fields. */
const OWN_COLUMNS = new Set(['s', 'body']);

function collectionLayout(name: (typeof COLLECTION_NAMES)[number]): TableLayout {
  const spec = specOf(name);
  const table = tableName(spec.store);
  const byPath = new Map<string, FieldColumn>();
  for (const path of indexedFields(spec)) {
    const type = spec.columns[path];
    if (type === undefined) throw new Error(`${name}: no column type declared for ${path}`);
    const column = { path, name: columnName(path), type };
    const clash = [...byPath.values()].find((other) => other.name === column.name);
    if (OWN_COLUMNS.has(column.name) || clash) {
      throw new Error(`${name}: the column of ${path}, ${column.name}, is taken`);
    }
    byPath.set(path, column);
  }
  const indexes = new Map<string, { columns: FieldColumn[]; compound: boolean }>();
  const indexOf = (path: KeyPath) => ({
    columns: fieldsOf(path).map((field) => byPath.get(field) as FieldColumn),
    compound: typeof path !== 'string',
  });
  if (spec.key !== undefined) indexes.set('key', indexOf(spec.key));
  for (const [index, path] of Object.entries(spec.indexes ?? {})) {
    indexes.set(index, indexOf(path));
  }
  return { kind: 'collection', table, columns: [...byPath.values()], indexes };
}

/** Every store of the state and where it lives, from the registry. */
export function tableLayouts(): Map<string, TableLayout> {
  const layouts = new Map<string, TableLayout>([
    [META_STORE, { kind: 'meta', table: tableName(META_STORE) }],
  ]);
  for (const name of COLLECTION_NAMES) {
    const spec = specOf(name);
    layouts.set(spec.store, collectionLayout(name));
    if (spec.split) {
      layouts.set(spec.split.store, { kind: 'split', table: tableName(spec.split.store) });
    }
  }
  return layouts;
}

/**
 * The layouts one transaction may use: the stores it named, until it has
 * finished; anything else is a bug in the caller, thrown at once.
 */
export function transactionLayouts(layouts: Map<string, TableLayout>, stores: Iterable<string>) {
  const open = new Set(stores);
  let finished = false;
  return {
    layoutOf(store: string): TableLayout {
      const layout = layouts.get(store);
      if (finished) throw new Error(`A transaction over ${store} used after it finished`);
      if (!layout || !open.has(store)) throw new Error(`Store ${store} is not in this transaction`);
      return layout;
    },
    finish(): void {
      finished = true;
    },
  };
}
