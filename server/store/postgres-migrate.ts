import type { Pool } from 'pg';
import { type Migration, MIGRATIONS, MIGRATIONS_TABLE, pendingMigrations } from './migrations';
import { postgresDialect } from './postgres-dialect';

/**
 * The advisory lock every process takes before it migrates: a constant, so
 * processes starting at once on one database queue on it (ADR 0025).
 */
export const MIGRATION_LOCK_KEY = 0x67_63_6d_69;

/**
 * Brings the database to the latest schema at start, in one transaction (DDL
 * is transactional in PostgreSQL): a crash midway leaves it as it was. The
 * transaction first takes an advisory lock held until it ends, so of several
 * processes starting at once on an empty database one migrates and the others,
 * reading after it committed (READ COMMITTED takes a snapshot per statement),
 * find nothing left to do. A database of a newer schema raises
 * SchemaTooNewError and is left untouched.
 */
export async function migratePostgres(
  pool: Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(postgresDialect.render(MIGRATIONS_TABLE));
    const recorded = await client.query<{ version: string | number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    );
    const version = Number(recorded.rows[0]?.version ?? 0);
    for (const migration of pendingMigrations(version, migrations)) {
      for (const step of migration.steps) await client.query(postgresDialect.render(step));
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
        migration.version,
        new Date().toISOString(),
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
