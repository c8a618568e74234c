import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import { META_STORE } from '@/backend/store/collections';
import { StoreBusyError } from '@/backend/store/store-errors';
import type { ServerConfig } from '../../server/config';
import { createScryptHasher } from '../../server/passwords/scrypt-hasher';
import { LATEST_MIGRATION, MIGRATIONS, SchemaTooNewError } from '../../server/store/migrations';
import { migratePostgres } from '../../server/store/postgres-migrate';
import { createPostgresRecordBackend } from '../../server/store/postgres-records';
import { createPostgresPool } from '../../server/store/postgres-transaction';
import { openServerStore } from '../../server/store/server-store';
import { createFakeClock } from '../support/fake-clock';
import { createTestSchema, type TestSchema } from '../support/postgres-schema';
import { TEST_SCRYPT_COST } from './support/test-server';

// This file runs only in the postgres project, which exists when PG_TEST_URL is set.

let schema: TestSchema;
const pools: ReturnType<typeof createPostgresPool>[] = [];
const poolOf = () => {
  const pool = createPostgresPool(schema.config);
  pools.push(pool);
  return pool;
};
const scalar = async (sql: string) => {
  const { rows } = await poolOf().query<{ n: number }>(sql);
  return rows[0]?.n;
};

/** A demo server's store on this test's schema; processes sharing a database share its DATA_KEY. */
const openDemoStore = () =>
  openServerStore(
    {
      mode: 'demo',
      databaseUrl: schema.url,
      dataDir: '/nonexistent',
      dataKey: new Uint8Array(32).fill(7),
    } as ServerConfig,
    { clock: createFakeClock().clock, passwords: createScryptHasher(TEST_SCRYPT_COST) },
  );

beforeEach(async () => {
  schema = await createTestSchema();
});
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
  await schema.drop();
});

describe('PostgreSQL at start (SERVER-8)', () => {
  it('migrates once when three processes start at once on an empty database', async () => {
    await Promise.all([poolOf(), poolOf(), poolOf()].map((pool) => migratePostgres(pool)));

    expect(await scalar('SELECT count(*) AS n FROM schema_migrations')).toBe(LATEST_MIGRATION);
  });

  it('brings a database of version 1 forward, keeping what it holds', async () => {
    await migratePostgres(poolOf(), MIGRATIONS.slice(0, 1));
    await poolOf().query(
      `INSERT INTO accounts (s, id, email, body) VALUES (1, 'a1', 'a@example.com', '{}')`,
    );

    await migratePostgres(poolOf());

    expect(await scalar('SELECT max(version) AS n FROM schema_migrations')).toBe(LATEST_MIGRATION);
    expect(await scalar(`SELECT count(*) AS n FROM accounts WHERE id = 'a1'`)).toBe(1);
    expect(await scalar('SELECT count(*) AS n FROM address_windows')).toBe(0);
  });

  it('refuses a database of a newer schema and leaves it as it is', async () => {
    await migratePostgres(poolOf());
    await poolOf().query(
      `INSERT INTO schema_migrations (version, applied_at) VALUES (99, 'later')`,
    );

    await expect(migratePostgres(poolOf())).rejects.toThrow(SchemaTooNewError);
    expect(await scalar('SELECT max(version) AS n FROM schema_migrations')).toBe(99);
  });

  it('seeds the demo data once when three servers open an empty database at once', async () => {
    const opened = await Promise.all([1, 2, 3].map(() => openDemoStore()));
    await Promise.all(opened.map((store) => store.close()));

    expect(await scalar('SELECT count(*) AS n FROM accounts')).toBe(5);
  });
});

describe('TOTP secrets in PostgreSQL (ADR 0028)', () => {
  it('are sealed in the accounts table', async () => {
    await (await openDemoStore()).close();

    const { rows } = await poolOf().query('SELECT * FROM accounts');
    const stored = JSON.stringify(rows);
    expect(stored).toContain('v1:');
    expect(stored).not.toContain(BOB_TOTP_SECRET);
  });
});

describe('a SERIALIZABLE transaction that conflicts (ADR 0025)', () => {
  /** Two transactions from two connections that both read the counter before either writes it. */
  async function raceTwo(attempts: number) {
    await migratePostgres(poolOf());
    let retries = 0;
    const onRetry = () => (retries += 1);
    const backends = [1, 2].map(() => createPostgresRecordBackend(poolOf(), { attempts, onRetry }));
    let arrived = 0;
    let bothRead: () => void = () => undefined;
    const barrier = new Promise<void>((resolve) => (bothRead = resolve));
    const increment = (index: number) =>
      backends[index]?.transaction([META_STORE], async (tx) => {
        // A write first: the attempt holds its process's writer slot before it
        // reads, so its conflict counts against the attempts (ADR 0027).
        tx.put(META_STORE, index, `marker-${index}`);
        const before = ((await tx.get(META_STORE, 'counter')) as number | undefined) ?? 0;
        arrived += 1;
        if (arrived === 2) bothRead();
        await barrier;
        tx.put(META_STORE, before + 1, 'counter');
      });
    const outcomes = await Promise.allSettled([increment(0), increment(1)]);
    const counter = await backends[0]?.transaction([META_STORE], (tx) =>
      tx.get(META_STORE, 'counter'),
    );
    return { outcomes, counter, retries };
  }

  it('runs the loser again on a fresh snapshot, so both increments land', async () => {
    const { outcomes, counter, retries } = await raceTwo(5);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(counter).toBe(2);
    expect(retries).toBeGreaterThanOrEqual(1);
  });

  it('gives up with StoreBusyError (503) when the attempts run out, having written nothing', async () => {
    const { outcomes, counter } = await raceTwo(1);

    const rejected = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [outcome.reason as unknown] : [],
    );
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toBeInstanceOf(StoreBusyError);
    expect(counter).toBe(1);
  });
});

describe('a transaction that only reads (ADR 0027)', () => {
  it("runs beside the process's writer instead of waiting for it, and sees what it committed", async () => {
    await migratePostgres(poolOf());
    const backend = createPostgresRecordBackend(poolOf());
    await backend.transaction([META_STORE], async (tx) => tx.put(META_STORE, 1, 'counter'));
    let finishWriting: () => void = () => undefined;
    const writing = new Promise<void>((resolve) => (finishWriting = resolve));
    let wrote: () => void = () => undefined;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const writer = backend.transaction([META_STORE], async (tx) => {
      tx.put(META_STORE, 2, 'counter');
      await tx.get(META_STORE, 'counter');
      wrote();
      await writing;
    });
    await written;

    const read = await backend.transaction([META_STORE], (tx) => tx.get(META_STORE, 'counter'));
    finishWriting();
    await writer;

    expect(read).toBe(1);
    expect(await backend.transaction([META_STORE], (tx) => tx.get(META_STORE, 'counter'))).toBe(2);
  });
});
