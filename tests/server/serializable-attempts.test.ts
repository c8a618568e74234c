import type { Pool } from 'pg';
import { describe, expect, it } from 'vitest';
import { StoreBusyError } from '@/backend/store/store-errors';
import { serializable } from '../../server/store/postgres-transaction';

/** A pool whose first `conflicts` COMMITs are refused as serialization failures (40001). */
function conflictingPool(conflicts: number) {
  let refused = 0;
  const client = {
    query: async (sql: string) => {
      if (sql === 'COMMIT' && refused < conflicts) {
        refused += 1;
        throw Object.assign(new Error('could not serialize access'), { code: '40001' });
      }
      return { rows: [] };
    },
    release: () => undefined,
  };
  return { connect: async () => client } as unknown as Pool;
}

describe('the attempts of a SERIALIZABLE transaction (ADR 0025, ADR 0027)', () => {
  it('does not count a conflict of an attempt that read before it queued as a writer', async () => {
    let runs = 0;
    const result = await serializable(
      conflictingPool(1),
      async () => (runs += 1),
      async () => undefined,
      { attempts: 1, isUncounted: () => runs === 1 },
    );

    expect(result).toBe(2);
  });

  it('still gives up with StoreBusyError once the counted attempts are spent', async () => {
    let runs = 0;
    const outcome = serializable(
      conflictingPool(2),
      async () => (runs += 1),
      async () => undefined,
      { attempts: 1, isUncounted: () => runs === 1 },
    );

    await expect(outcome).rejects.toBeInstanceOf(StoreBusyError);
    expect(runs).toBe(2);
  });
});
