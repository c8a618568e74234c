import { generateSealingKey } from '@/backend/store/field-sealer';

/** The object store holding this install's keys, apart from the state a reset clears. */
export const KEY_STORE = 'keys';
const SEALING_KEY_ID = 'sealing';

/**
 * The browser's key for fields sealed at rest (ADR 0028): made once per
 * install and kept in IndexedDB as a CryptoKey that cannot be exported, so
 * its bytes are never in the page's reach. A copy of the database's records
 * without the browser's key store opens nothing. Tabs racing to make it keep
 * the first one written: the read and the write are one transaction.
 */
export async function installSealingKey(db: IDBDatabase): Promise<CryptoKey> {
  const candidate = await generateSealingKey();
  return new Promise((resolve, reject) => {
    const tx = db.transaction([KEY_STORE], 'readwrite');
    const keys = tx.objectStore(KEY_STORE);
    let key = candidate;
    const reading = keys.get(SEALING_KEY_ID);
    reading.onsuccess = () => {
      const kept: unknown = reading.result;
      if (kept instanceof CryptoKey) key = kept;
      else keys.put(candidate, SEALING_KEY_ID);
    };
    tx.oncomplete = () => resolve(key);
    tx.onabort = () => reject(tx.error ?? new Error('The sealing key could not be kept'));
  });
}
