/**
 * Where the mock server keeps the bytes of ticket attachments (MOCK-2); their
 * metadata lives in the server state. Bytes travel as ArrayBuffers so every
 * runtime's Blob (browser, Node, jsdom) can be turned into and out of them.
 */
export interface AttachmentStore {
  put(id: string, bytes: ArrayBuffer, contentType: string): Promise<void>;
  get(id: string): Promise<ArrayBuffer | null>;
  delete(ids: readonly string[]): Promise<void>;
  /** Drops every attachment: Reset demo data. */
  clear(): Promise<void>;
}

/** The attachment store of tests and of Node. */
export function createMemoryAttachmentStore(): AttachmentStore {
  const files = new Map<string, ArrayBuffer>();
  return {
    async put(id, bytes) {
      files.set(id, bytes.slice(0));
    },
    async get(id) {
      const bytes = files.get(id);
      return bytes ? bytes.slice(0) : null;
    },
    async delete(ids) {
      for (const id of ids) files.delete(id);
    },
    async clear() {
      files.clear();
    },
  };
}
