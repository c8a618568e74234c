import type { Key } from '@/backend/store/record-backend';
import type { FieldColumn, TableLayout } from './table-layout';

/**
 * What every SQL backend does alike with a record's columns (ADR 0021), so
 * SQLite and PostgreSQL store and refuse exactly the same records.
 */

/** A field's value as its typed column holds it: null where IndexedDB would leave it out of the index. */
export function columnValue(
  store: string,
  record: unknown,
  column: FieldColumn,
): string | number | null {
  let value: unknown = record;
  for (const step of column.path.split('.')) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[step];
  }
  const type = typeof value === 'number' && !Number.isNaN(value) ? 'number' : typeof value;
  if (type !== 'number' && type !== 'string') return null;
  // A key of the other type would sort among the wrong ones in a typed column: fail loudly.
  if ((type === 'number') !== (column.type === 'number')) {
    throw new TypeError(`${store}: ${column.path} holds a ${type}, declared ${column.type}`);
  }
  return value as string | number;
}

/** The primary key of a row: the meta store's are strings, every other store's sequences. */
export function primaryOf(layout: TableLayout, key: Key): string | number {
  if (layout.kind === 'meta' ? typeof key !== 'string' : typeof key !== 'number') {
    throw new TypeError(`${layout.table}: ${JSON.stringify(key)} is not one of its keys`);
  }
  return key as string | number;
}

/** The name of a table's primary key column. */
export const primaryName = (layout: TableLayout) => (layout.kind === 'meta' ? 'key' : 's');
