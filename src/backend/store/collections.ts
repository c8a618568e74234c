import { ENDED_SESSIONS_MAX_RECORDS, OUTBOX_MAX_MESSAGES } from '../domain/limits';
import type { ServerState } from '../domain/state';

/** A key path into a record: one field, or several for a compound key. */
export type KeyPath = string | readonly string[];

/**
 * What a field used by a key or an index holds. SQL backends give each such
 * field a typed column, so their indexes order and compare as IndexedDB does;
 * IndexedDB itself needs no declaration.
 */
export type ColumnType = 'text' | 'number';

/**
 * How one collection of ServerState is kept (MOCK-2): its own object store,
 * the indexes its queries use, and what identifies a record.
 */
export interface CollectionSpec {
  /** The object store's name. */
  store: string;
  /** What names a record; a record without one is followed by identity alone. */
  key?: KeyPath;
  /** Index name → key path; records whose path holds null are left out, as IndexedDB does. */
  indexes?: Readonly<Record<string, KeyPath>>;
  /** The type of every field path `key` and `indexes` name (a test checks that none is missing). */
  columns: Readonly<Record<string, ColumnType>>;
  /** Only the newest `cap` records are kept: the domain appends, the store trims. */
  cap?: number;
  /**
   * Field paths holding a secret the server must read back (a TOTP secret): kept
   * sealed at rest, opened as the record is loaded (ADR 0028). The record needs a `key`.
   */
  sealed?: readonly string[];
  /** A field kept in a store of its own, so lists read only the small rest (ticket entries). */
  split?: { field: string; store: string };
}

/**
 * The registry: one line per collection. A collection of ServerState missing
 * here still works — it is kept with the scalars in the meta record — and a
 * line added here is all a new collection needs: the database grows the store
 * and its indexes the next time it opens.
 */
export const COLLECTIONS = {
  accounts: {
    store: 'accounts',
    key: 'id',
    indexes: { email: 'email' },
    columns: { id: 'text', email: 'text' },
    sealed: ['mfa.secret'],
  },
  workspaces: { store: 'workspaces', key: 'id', columns: { id: 'text' } },
  memberships: {
    store: 'memberships',
    key: ['accountId', 'workspaceId'],
    indexes: { accountId: 'accountId', workspaceId: 'workspaceId' },
    columns: { accountId: 'text', workspaceId: 'text' },
  },
  sessions: {
    store: 'sessions',
    key: 'id',
    indexes: { tokenHash: 'tokenHash', accountId: 'accountId' },
    columns: { id: 'text', tokenHash: 'text', accountId: 'text' },
  },
  endedSessions: {
    store: 'endedSessions',
    key: 'tokenHash',
    columns: { tokenHash: 'text' },
    cap: ENDED_SESSIONS_MAX_RECORDS,
  },
  loginThrottle: { store: 'loginThrottle', key: 'emailHash', columns: { emailHash: 'text' } },
  emailCodes: {
    store: 'emailCodes',
    key: ['accountId', 'purpose'],
    columns: { accountId: 'text', purpose: 'text' },
  },
  emailSends: {
    store: 'emailSends',
    indexes: { accountId: 'accountId' },
    columns: { accountId: 'text' },
  },
  enrollments: {
    store: 'enrollments',
    key: 'sessionId',
    columns: { sessionId: 'text' },
    sealed: ['secret'],
  },
  outbox: {
    store: 'outbox',
    key: 'id',
    indexes: { sentAt: 'sentAt', to: ['to', 'sentAt'] },
    columns: { id: 'text', sentAt: 'number', to: 'text' },
    cap: OUTBOX_MAX_MESSAGES,
  },
  audit: {
    store: 'audit',
    key: 'id',
    indexes: { accountAt: ['accountId', 'at'] },
    columns: { id: 'text', accountId: 'text', at: 'number' },
  },
  tickets: {
    store: 'tickets',
    key: 'id',
    indexes: {
      number: 'number',
      workspaceUpdated: ['workspaceId', 'updatedAt'],
      requesterCreated: ['requesterId', 'createdAt'],
      statusFeedback: ['status', 'feedbackAt'],
      cancelToken: 'cancelTokenHash',
    },
    columns: {
      id: 'text',
      number: 'text',
      workspaceId: 'text',
      updatedAt: 'number',
      requesterId: 'text',
      createdAt: 'number',
      status: 'text',
      feedbackAt: 'number',
      cancelTokenHash: 'text',
    },
    split: { field: 'entries', store: 'ticketEntries' },
  },
  // "attachments" is the store of the bytes (indexeddb-attachment-store.ts).
  attachments: {
    store: 'attachmentRecords',
    key: 'id',
    indexes: { ticketId: 'ticketId', ownerId: 'ownerId' },
    columns: { id: 'text', ticketId: 'text', ownerId: 'text' },
  },
  idempotencyKeys: {
    store: 'idempotencyKeys',
    key: ['accountId', 'key'],
    columns: { accountId: 'text', key: 'text' },
  },
  addressWindows: {
    store: 'addressWindows',
    key: ['limitName', 'address'],
    indexes: { endsAt: 'endsAt' },
    columns: { limitName: 'text', address: 'text', endsAt: 'number' },
  },
  rememberedBrowsers: {
    store: 'rememberedBrowsers',
    key: 'id',
    indexes: { accountId: 'accountId' },
    columns: { id: 'text', accountId: 'text' },
  },
  securityKeys: {
    store: 'securityKeys',
    key: 'id',
    indexes: { credentialId: 'credentialId', accountId: 'accountId' },
    columns: { id: 'text', credentialId: 'text', accountId: 'text' },
  },
  keyChallenges: {
    store: 'keyChallenges',
    key: 'challenge',
    indexes: { sessionId: 'sessionId' },
    columns: { challenge: 'text', sessionId: 'text' },
  },
} as const satisfies Partial<Record<keyof ServerState, CollectionSpec>>;

export type CollectionName = keyof typeof COLLECTIONS;

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

export function specOf(name: CollectionName): CollectionSpec {
  return COLLECTIONS[name];
}

/** The collections that keep a field sealed at rest (ADR 0028). */
export const SEALED_COLLECTIONS = COLLECTION_NAMES.filter(
  (name) => (specOf(name).sealed ?? []).length > 0,
);

/** The fields of one key path, in order: one for a plain key, several for a compound one. */
export function fieldsOf(path: KeyPath): readonly string[] {
  return typeof path === 'string' ? [path] : path;
}

/** Every field path a collection's key and indexes use, each once. */
export function indexedFields(spec: CollectionSpec): string[] {
  const paths = [spec.key, ...Object.values(spec.indexes ?? {})];
  return [...new Set(paths.flatMap((path) => (path === undefined ? [] : fieldsOf(path))))];
}

/** The store holding the meta record (scalars, sequence) and, from before, the whole state. */
export const META_STORE = 'state';
export const META_KEY = 'meta';
/** Where versions before per-collection stores kept the whole state as one record. */
export const LEGACY_KEY = 'current';

/** Every object store the state uses, split stores included. */
export function stateStoreNames(): string[] {
  const names = [META_STORE];
  for (const name of COLLECTION_NAMES) {
    const spec = specOf(name);
    names.push(spec.store);
    if (spec.split) names.push(spec.split.store);
  }
  return names;
}

/** The stores a transaction over these collections touches. */
export function storesOf(collections: Iterable<CollectionName>): string[] {
  const names = new Set([META_STORE]);
  for (const name of collections) {
    const spec = specOf(name);
    names.add(spec.store);
    if (spec.split) names.add(spec.split.store);
  }
  return [...names];
}

/** Each store's primary key path (null: keys given apart) and indexes, as the records are kept. */
export type StoreSchema = Record<
  string,
  { keyPath: string | null; indexes: Record<string, KeyPath> }
>;

/** Records are kept as { s: insertion sequence, v: the record }: index paths point into v. */
const inRecord = (path: KeyPath): KeyPath =>
  typeof path === 'string' ? `v.${path}` : path.map((part) => `v.${part}`);

/** The stores and indexes the registry asks for; each keyed record gets a `key` index too. */
export function stateSchema(): StoreSchema {
  const schema: StoreSchema = { [META_STORE]: { keyPath: null, indexes: {} } };
  for (const name of COLLECTION_NAMES) {
    const spec = specOf(name);
    const indexes: Record<string, KeyPath> = {};
    if (spec.key !== undefined) indexes.key = inRecord(spec.key);
    for (const [index, path] of Object.entries(spec.indexes ?? {})) indexes[index] = inRecord(path);
    schema[spec.store] = { keyPath: 's', indexes };
    if (spec.split) schema[spec.split.store] = { keyPath: 's', indexes: {} };
  }
  return schema;
}
