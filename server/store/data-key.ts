import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createFieldSealer,
  type FieldSealer,
  importSealingKey,
} from '@/backend/store/field-sealer';
import { DATA_KEY_BYTES, type ServerConfig } from '../config';

/** Demo mode's data key, beside the SQLite file: made on the first start, read on every other. */
export const DEMO_DATA_KEY_FILE = 'data-key';

/**
 * The demo's key is made once and kept, so a restart opens what the last one
 * sealed; `wx` makes processes starting together on one DATA_DIR agree on the
 * first one written. Production never comes here: DATA_KEY is required (ADR 0028).
 */
function demoDataKey(dataDir: string): Uint8Array<ArrayBuffer> {
  const file = join(dataDir, DEMO_DATA_KEY_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(DATA_KEY_BYTES).toString('base64'), {
      flag: 'wx',
      mode: 0o600,
    });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== DATA_KEY_BYTES) {
    throw new Error(`${file} does not hold a ${DATA_KEY_BYTES}-byte key; set DATA_KEY`);
  }
  return new Uint8Array(key);
}

/** What seals the server's TOTP secrets: DATA_KEY, or in demo mode the key kept in DATA_DIR. */
export async function serverSealer(config: ServerConfig): Promise<FieldSealer> {
  const key = await importSealingKey(config.dataKey ?? demoDataKey(config.dataDir));
  return createFieldSealer(async () => key);
}
