import type { Database } from 'better-sqlite3';
import { type Migration, MIGRATIONS, MIGRATIONS_TABLE, pendingMigrations } from './migrations';
import { sqliteDialect } from './sqlite-dialect';
import { immediately } from './sqlite-transaction';

/**
 * Brings the database to the latest schema at start, in one transaction: a
 * crash midway leaves it as it was. A database of a newer schema raises
 * SchemaTooNewError and is left untouched.
 */
export function migrateSqlite(db: Database, migrations: readonly Migration[] = MIGRATIONS): void {
  immediately(db, () => {
    db.exec(sqliteDialect.render(MIGRATIONS_TABLE));
    const recorded = db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as {
      version: number | null;
    };
    const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
    for (const migration of pendingMigrations(recorded.version ?? 0, migrations)) {
      for (const step of migration.steps) db.exec(sqliteDialect.render(step));
      record.run(migration.version, new Date().toISOString());
    }
  });
}
