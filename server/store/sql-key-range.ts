import type { ColumnType } from '@/backend/store/collections';
import type { Key, KeyRange } from '@/backend/store/record-backend';

/** An index's columns as a range query needs them: their names and types, in order. */
export interface RangeColumn {
  name: string;
  type: ColumnType;
}

type Operator = '=' | '<' | '<=' | '>' | '>=';

/**
 * One condition of a range query: a prefix of the index's columns against
 * values (a row-value comparison, lexicographic in SQLite and PostgreSQL), or
 * a constant when the bound's type alone decides.
 */
export type Comparison =
  boolean | { columns: readonly string[]; op: Operator; values: readonly (string | number)[] };

type Side = 'lower' | 'upper' | 'only';

/** IndexedDB's order of types: numbers, then strings, then arrays. */
const rankOf = (key: Key) => (typeof key === 'number' ? 0 : typeof key === 'string' ? 1 : 2);
const columnRank = (type: ColumnType) => (type === 'number' ? 0 : 1);

function validKey(key: Key): Key {
  if (typeof key === 'number' && Number.isNaN(key)) throw new Error('NaN is not a key');
  return key;
}

/** The first `length` columns against the bound's first values; an empty prefix is always equal. */
function prefix(
  columns: readonly RangeColumn[],
  bound: readonly Key[],
  length: number,
  side: 'lower' | 'upper',
  strict: boolean,
): Comparison {
  if (length === 0) return !strict;
  const op = side === 'lower' ? (strict ? '>' : '>=') : strict ? '<' : '<=';
  return {
    columns: columns.slice(0, length).map((column) => column.name),
    op,
    values: bound.slice(0, length) as (string | number)[],
  };
}

/**
 * What "the index key is at or above (lower), at or below (upper), or equal
 * to (only) the bound" means for typed columns, in IndexedDB's order of keys
 * (record-backend.ts compareKeys): where a bound's value is of another type
 * than its column, that type decides, and a key that equals a shorter bound's
 * values is the greater.
 */
function comparison(
  columns: readonly RangeColumn[],
  compound: boolean,
  side: Side,
  bound: Key,
): Comparison {
  validKey(bound);
  if (!compound) {
    const column = columns[0] as RangeColumn;
    const above = columnRank(column.type) - rankOf(bound);
    if (above !== 0) return side === 'only' ? false : side === 'lower' ? above > 0 : above < 0;
    const op = side === 'only' ? '=' : side === 'lower' ? '>=' : '<=';
    return { columns: [column.name], op, values: [bound as string | number] };
  }
  // Every key of a compound index is an array: above numbers and strings.
  if (!Array.isArray(bound)) return side === 'lower';
  const values = bound as readonly Key[];
  const shared = Math.min(columns.length, values.length);
  for (let index = 0; index < shared; index += 1) {
    const above =
      columnRank((columns[index] as RangeColumn).type) - rankOf(validKey(values[index] as Key));
    if (above === 0) continue;
    if (side === 'only') return false;
    // Past this column every key is above the bound, or every key below it: the prefix decides.
    return prefix(columns, values, index, side, side === 'lower' ? above < 0 : above > 0);
  }
  if (values.length === columns.length) {
    if (side !== 'only') return prefix(columns, values, shared, side, false);
    return {
      columns: columns.map((column) => column.name),
      op: '=',
      values: values as (string | number)[],
    };
  }
  if (side === 'only') return false;
  const keyIsLonger = values.length < columns.length;
  return prefix(columns, values, shared, side, side === 'lower' ? !keyIsLonger : keyIsLonger);
}

/** The conditions a range puts on an index's columns; `only` wins over the bounds. */
export function rangeComparisons(
  columns: readonly RangeColumn[],
  compound: boolean,
  range: KeyRange,
): Comparison[] {
  if (range.only !== undefined) return [comparison(columns, compound, 'only', range.only)];
  const found: Comparison[] = [];
  if (range.lower !== undefined) found.push(comparison(columns, compound, 'lower', range.lower));
  if (range.upper !== undefined) found.push(comparison(columns, compound, 'upper', range.upper));
  return found;
}

/**
 * A comparison as SQL; a single column goes without the row's parentheses.
 * Each value takes the next placeholder: SQLite's `?` unless told otherwise
 * (PostgreSQL numbers them, `$1`, `$2`...).
 */
export function comparisonSql(
  comparison: Exclude<Comparison, boolean>,
  quote: (identifier: string) => string,
  placeholder: () => string = () => '?',
): string {
  const { columns, op, values } = comparison;
  if (columns.length === 1) return `${quote(columns[0] as string)} ${op} ${placeholder()}`;
  const placeholders = values.map(() => placeholder()).join(', ');
  return `(${columns.map(quote).join(', ')}) ${op} (${placeholders})`;
}
