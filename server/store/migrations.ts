import type { ColumnType } from '@/backend/store/collections';

/**
 * A column's type, named for what it holds; each dialect spells it its own
 * way (sqlite-dialect.ts, and PostgreSQL's next).
 */
export type SqlType = ColumnType | 'integer' | 'json' | 'bytes';

export interface ColumnDef {
  name: string;
  type: SqlType;
  notNull?: boolean;
  primaryKey?: boolean;
}

/** One thing a migration creates, said without SQL so every dialect can render it. */
export type MigrationStep =
  | { create: 'table'; table: string; columns: readonly ColumnDef[]; ifNotExists?: boolean }
  | { create: 'index'; table: string; name: string; columns: readonly string[] };

export interface Migration {
  /** Consecutive from 1; a database records each one it has applied. */
  version: number;
  steps: readonly MigrationStep[];
}

/** Renders migration steps for one SQL engine. */
export interface SqlDialect {
  quote(identifier: string): string;
  render(step: MigrationStep): string;
}

/** Where a database records the migrations it has applied; created before anything else. */
export const MIGRATIONS_TABLE: MigrationStep = {
  create: 'table',
  table: 'schema_migrations',
  columns: [
    { name: 'version', type: 'integer', primaryKey: true },
    { name: 'applied_at', type: 'text' },
  ],
  ifNotExists: true,
};

/**
 * A collection's table (ADR 0021): `s`, the insertion sequence, as the primary
 * key; one typed column per field its key and indexes use; the record as JSON
 * in `body`; and an index per registry index, `key` included, named
 * `<table>_by_<index>`.
 */
function collectionTable(
  table: string,
  columns: Readonly<Record<string, ColumnType>>,
  indexes: Readonly<Record<string, readonly string[]>>,
): MigrationStep[] {
  return [
    {
      create: 'table',
      table,
      columns: [
        { name: 's', type: 'integer', primaryKey: true },
        ...Object.entries(columns).map(([name, type]) => ({ name, type })),
        { name: 'body', type: 'json', notNull: true },
      ],
    },
    ...Object.entries(indexes).map(([index, on]): MigrationStep => {
      return { create: 'index', table, name: `${table}_by_${index}`, columns: on };
    }),
  ];
}

/** A field kept apart from its collection's table under the same `s` (a ticket's entries). */
function splitTable(table: string): MigrationStep {
  return {
    create: 'table',
    table,
    columns: [
      { name: 's', type: 'integer', primaryKey: true },
      { name: 'body', type: 'json', notNull: true },
    ],
  };
}

/**
 * Every migration, in order. A migration once released never changes: a new
 * collection, column or index is a new migration at the end, and a test
 * fails until the schema holds everything the registry names.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    steps: [
      {
        create: 'table',
        table: 'meta',
        columns: [
          { name: 'key', type: 'text', primaryKey: true },
          { name: 'body', type: 'json', notNull: true },
        ],
      },
      ...collectionTable(
        'accounts',
        { id: 'text', email: 'text' },
        { key: ['id'], email: ['email'] },
      ),
      ...collectionTable('workspaces', { id: 'text' }, { key: ['id'] }),
      ...collectionTable(
        'memberships',
        { account_id: 'text', workspace_id: 'text' },
        {
          key: ['account_id', 'workspace_id'],
          account_id: ['account_id'],
          workspace_id: ['workspace_id'],
        },
      ),
      ...collectionTable(
        'sessions',
        { id: 'text', token_hash: 'text', account_id: 'text' },
        { key: ['id'], token_hash: ['token_hash'], account_id: ['account_id'] },
      ),
      ...collectionTable('login_throttle', { email_hash: 'text' }, { key: ['email_hash'] }),
      ...collectionTable(
        'email_codes',
        { account_id: 'text', purpose: 'text' },
        { key: ['account_id', 'purpose'] },
      ),
      ...collectionTable('email_sends', { account_id: 'text' }, { account_id: ['account_id'] }),
      ...collectionTable('enrollments', { session_id: 'text' }, { key: ['session_id'] }),
      ...collectionTable(
        'outbox',
        { id: 'text', sent_at: 'number', to: 'text' },
        { key: ['id'], sent_at: ['sent_at'], to: ['to', 'sent_at'] },
      ),
      ...collectionTable(
        'audit',
        { id: 'text', account_id: 'text', at: 'number' },
        { key: ['id'], account_at: ['account_id', 'at'] },
      ),
      ...collectionTable(
        'tickets',
        {
          id: 'text',
          number: 'text',
          workspace_id: 'text',
          updated_at: 'number',
          requester_id: 'text',
          created_at: 'number',
          status: 'text',
          feedback_at: 'number',
          cancel_token_hash: 'text',
        },
        {
          key: ['id'],
          number: ['number'],
          workspace_updated: ['workspace_id', 'updated_at'],
          requester_created: ['requester_id', 'created_at'],
          status_feedback: ['status', 'feedback_at'],
          cancel_token: ['cancel_token_hash'],
        },
      ),
      splitTable('ticket_entries'),
      ...collectionTable(
        'attachment_records',
        { id: 'text', ticket_id: 'text', owner_id: 'text' },
        { key: ['id'], ticket_id: ['ticket_id'], owner_id: ['owner_id'] },
      ),
      ...collectionTable(
        'idempotency_keys',
        { account_id: 'text', key: 'text' },
        { key: ['account_id', 'key'] },
      ),
      {
        create: 'table',
        table: 'attachment_bytes',
        columns: [
          { name: 'id', type: 'text', primaryKey: true },
          { name: 'content_type', type: 'text', notNull: true },
          { name: 'bytes', type: 'bytes', notNull: true },
        ],
      },
    ],
  },
  {
    // SERVER-7: the per-address limits of SERVER-9 move from each process's memory here.
    version: 2,
    steps: collectionTable(
      'address_windows',
      { limit_name: 'text', address: 'text', ends_at: 'number' },
      { key: ['limit_name', 'address'], ends_at: ['ends_at'] },
    ),
  },
  {
    // SESSION_ENDED: sessions ended from elsewhere, by their token's hash.
    version: 3,
    steps: [...collectionTable('ended_sessions', { token_hash: 'text' }, { key: ['token_hash'] })],
  },
  {
    // REMEMBER-1: browsers that skip the login code, picked by their account.
    version: 4,
    steps: collectionTable(
      'remembered_browsers',
      { id: 'text', account_id: 'text' },
      { key: ['id'], account_id: ['account_id'] },
    ),
  },
  {
    // KEY-1, KEY-3: security keys, unique by credential ID across accounts, and
    // the WebAuthn challenges handed out, by session.
    version: 5,
    steps: [
      ...collectionTable(
        'security_keys',
        { id: 'text', credential_id: 'text', account_id: 'text' },
        { key: ['id'], credential_id: ['credential_id'], account_id: ['account_id'] },
      ),
      ...collectionTable(
        'key_challenges',
        { challenge: 'text', session_id: 'text' },
        { key: ['challenge'], session_id: ['session_id'] },
      ),
    ],
  },
];

/** The schema version this code brings a database to. */
export const LATEST_MIGRATION = MIGRATIONS.length;

/** A database migrated by newer code: this code would misread it, so it does not start. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `The database is at schema version ${found}, newer than ${known}, the latest this code knows; run newer code or another database`,
    );
    this.name = 'SchemaTooNewError';
  }
}

/** The migrations a database at `recorded` still needs, in order. */
export function pendingMigrations(
  recorded: number,
  migrations: readonly Migration[] = MIGRATIONS,
): readonly Migration[] {
  const latest = migrations.length;
  if (recorded > latest) throw new SchemaTooNewError(recorded, latest);
  return migrations.filter((migration) => migration.version > recorded);
}
