import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  LATEST_MIGRATION,
  type Migration,
  MIGRATIONS,
  SchemaTooNewError,
} from '../../server/store/migrations';
import { migrateSqlite } from '../../server/store/sqlite-migrate';
import { indexName, tableLayouts } from '../../server/store/table-layout';
import { tempDatabaseFile } from '../support/sqlite-file';

let temp: ReturnType<typeof tempDatabaseFile>;
const opened: Database.Database[] = [];
/** The file opened and migrated, as the server does at start. */
const open = () => {
  const db = new Database(temp.file);
  opened.push(db);
  migrateSqlite(db);
  return db;
};

beforeEach(() => {
  temp = tempDatabaseFile();
});
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  temp.remove();
});

const tables = (db: Database.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((row) => row.name);
const ALL_VERSIONS = MIGRATIONS.map((migration) => migration.version);
const versions = (db: Database.Database) =>
  db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();

describe('the SQLite schema (SERVER-2, ADR 0021)', () => {
  it('holds a table with typed columns for every store of the registry, and its indexes', () => {
    const db = open();
    for (const [store, layout] of tableLayouts()) {
      const columns = db.pragma(`table_info(${layout.table})`) as { name: string; type: string }[];
      expect(columns.length, `a table for ${store}`).toBeGreaterThan(0);
      if (layout.kind !== 'collection') continue;
      const types = Object.fromEntries(columns.map((column) => [column.name, column.type]));
      for (const column of layout.columns) {
        expect(types[column.name], `${layout.table}.${column.name}`).toBe(
          column.type === 'number' ? 'REAL' : 'TEXT',
        );
      }
      for (const [index, { columns: on }] of layout.indexes) {
        const name = indexName(layout.table, index);
        const indexed = db.pragma(`index_info(${name})`) as { name: string }[];
        expect(
          indexed.map((column) => column.name),
          `index ${name}`,
        ).toEqual(on.map((column) => column.name));
      }
    }
    expect(tables(db)).toEqual(expect.arrayContaining(['attachment_bytes', 'schema_migrations']));
  });

  it('applies each migration once: opening again changes nothing', () => {
    const first = open();
    const before = tables(first);
    first.close();

    const again = open();

    expect(tables(again)).toEqual(before);
    expect(versions(again)).toEqual(ALL_VERSIONS);
  });

  it('brings a database of version 1 forward, keeping what it holds', () => {
    const db = new Database(temp.file);
    opened.push(db);
    migrateSqlite(db, MIGRATIONS.slice(0, 1));
    db.prepare(
      `INSERT INTO accounts (s, id, email, body) VALUES (1, 'a1', 'a@example.com', '{}')`,
    ).run();
    db.close();

    const migrated = open();

    expect(versions(migrated)).toEqual(ALL_VERSIONS);
    expect(migrated.prepare('SELECT id FROM accounts').pluck().all()).toEqual(['a1']);
    expect(tables(migrated)).toContain('address_windows');
  });

  it('refuses a database of a newer schema, naming both versions, and leaves it as it was', () => {
    const db = open();
    db.prepare('INSERT INTO schema_migrations (version) VALUES (?)').run(LATEST_MIGRATION + 1);
    db.close();

    expect(() => open()).toThrow(SchemaTooNewError);
    expect(() => open()).toThrow(
      new RegExp(`version ${LATEST_MIGRATION + 1}, newer than ${LATEST_MIGRATION}`),
    );
    const raw = new Database(temp.file);
    opened.push(raw);
    expect(versions(raw)).toEqual([...ALL_VERSIONS, LATEST_MIGRATION + 1]);
  });

  it('applies a migration whole or not at all', () => {
    const db = new Database(temp.file);
    opened.push(db);
    const failing: Migration[] = [
      {
        version: 1,
        steps: [
          { create: 'table', table: 'first', columns: [{ name: 'id', type: 'text' }] },
          { create: 'index', table: 'missing', name: 'missing_by_id', columns: ['id'] },
        ],
      },
    ];

    expect(() => migrateSqlite(db, failing)).toThrow(/missing/);
    expect(tables(db)).toEqual([]);
  });
});
