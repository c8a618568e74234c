import { randomBytes } from 'node:crypto';
import { Client, type PoolConfig } from 'pg';

/** Where CI's PostgreSQL is (`.ci/run` sets it); without it the PostgreSQL cases are not listed. */
export const PG_TEST_URL = process.env.PG_TEST_URL ?? '';

/**
 * A schema of its own in the test database, so tests running at once never
 * see each other's tables; connections reach it through search_path, which
 * is all the server's unqualified SQL needs.
 */
export interface TestSchema {
  name: string;
  /** Pool settings that land in the schema. */
  config: PoolConfig;
  /** DATABASE_URL for a server process that should land in the schema. */
  url: string;
  drop(): Promise<void>;
}

async function onAdmin<T>(body: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: PG_TEST_URL });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

export async function createTestSchema(): Promise<TestSchema> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await onAdmin((client) => client.query(`CREATE SCHEMA "${name}"`));
  const options = `-c search_path=${name}`;
  const url = new URL(PG_TEST_URL);
  url.searchParams.set('options', options);
  return {
    name,
    config: { connectionString: PG_TEST_URL, options },
    url: url.toString(),
    drop: () => onAdmin((client) => client.query(`DROP SCHEMA "${name}" CASCADE`)).then(() => {}),
  };
}
