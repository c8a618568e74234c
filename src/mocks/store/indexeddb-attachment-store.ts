import type { AttachmentStore } from '@/backend/store/attachment-store';
import { ATTACHMENT_STORE, openDatabase } from './indexeddb-store';

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

/** MOCK-2: attachments as Blobs in IndexedDB, shared by the tabs of this origin. */
export function createIndexedDbAttachmentStore(): AttachmentStore {
  let database: Promise<IDBDatabase> | null = null;
  const db = () => (database ??= openDatabase());

  return {
    async put(id, bytes, contentType) {
      const tx = (await db()).transaction(ATTACHMENT_STORE, 'readwrite');
      tx.objectStore(ATTACHMENT_STORE).put(new Blob([bytes], { type: contentType }), id);
      await done(tx);
    },
    async get(id) {
      const tx = (await db()).transaction(ATTACHMENT_STORE, 'readonly');
      const reading = tx.objectStore(ATTACHMENT_STORE).get(id);
      await done(tx);
      const blob: unknown = reading.result;
      return blob instanceof Blob ? blob.arrayBuffer() : null;
    },
    async delete(ids) {
      if (ids.length === 0) return;
      const tx = (await db()).transaction(ATTACHMENT_STORE, 'readwrite');
      const objects = tx.objectStore(ATTACHMENT_STORE);
      for (const id of ids) objects.delete(id);
      await done(tx);
    },
    async clear() {
      const tx = (await db()).transaction(ATTACHMENT_STORE, 'readwrite');
      tx.objectStore(ATTACHMENT_STORE).clear();
      await done(tx);
    },
  };
}
