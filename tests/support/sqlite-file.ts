import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A database file in a directory of its own under the system's temp, and how to remove both. */
export function tempDatabaseFile(): { file: string; remove(): void } {
  const directory = mkdtempSync(join(tmpdir(), 'sqlite-store-'));
  return {
    file: join(directory, 'state.db'),
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}
