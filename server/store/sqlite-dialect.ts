import type { MigrationStep, SqlDialect, SqlType } from './migrations';

/** REAL holds ±Infinity, which the index ranges use as open bounds. */
const TYPES: Record<SqlType, string> = {
  text: 'TEXT',
  number: 'REAL',
  integer: 'INTEGER',
  json: 'TEXT',
  bytes: 'BLOB',
};

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * SQLite's spelling of the migrations. Tables are STRICT, so a value of the
 * wrong type is an error instead of being converted by column affinity (TEXT
 * turning 5 into '5' would sort it among the strings).
 */
export const sqliteDialect: SqlDialect = {
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
    return `${create} ${quote(step.table)} (${columns.join(', ')}) STRICT`;
  },
};
