import type { MigrationStep, SqlDialect, SqlType } from './migrations';

/**
 * Text compares bytewise (COLLATE "C"), as SQLite's BINARY and IndexedDB's
 * code-unit order do for what the console stores; a locale's collation would
 * order keys differently from the other backends. DOUBLE PRECISION holds
 * ±Infinity, which the index ranges use as open bounds. The body stays the
 * same JSON text SQLite stores, so a dump reads the same on both engines.
 */
const TYPES: Record<SqlType, string> = {
  text: 'TEXT COLLATE "C"',
  number: 'DOUBLE PRECISION',
  integer: 'BIGINT',
  json: 'TEXT',
  bytes: 'BYTEA',
};

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** PostgreSQL's spelling of the same declarative migrations (ADR 0025). */
export const postgresDialect: SqlDialect = {
  quote,
  render(step: MigrationStep): string {
    if (step.create === 'index') {
      const columns = step.columns.map(quote).join(', ');
      return `CREATE INDEX ${quote(step.name)} ON ${quote(step.table)} (${columns})`;
    }
    const columns = step.columns.map((column) =>
      [
        quote(column.name),
        TYPES[column.type],
        ...(column.primaryKey ? ['PRIMARY KEY'] : []),
        ...(column.notNull ? ['NOT NULL'] : []),
      ].join(' '),
    );
    const create = step.ifNotExists ? 'CREATE TABLE IF NOT EXISTS' : 'CREATE TABLE';
    return `${create} ${quote(step.table)} (${columns.join(', ')})`;
  },
};
