/**
 * Fields sealed at rest (ADR 0028): AES-256-GCM through WebCrypto, which the
 * browser and Node 20 both have as `globalThis.crypto`. A sealed value is
 * `v1:<iv>:<ciphertext and tag>` (base64url), made with a fresh 96-bit IV and
 * bound to where it is kept by GCM's additional data, so a value copied to
 * another record, field or collection does not open. The `v1` names the
 * format and the key generation, so a later key can be told apart.
 */

const FORMAT = 'v1';
const IV_BYTES = 12;
const KEY_BITS = 256;
/** Past this many remembered values the memory starts over: it only saves work. */
const MEMORY_MAX_ENTRIES = 20_000;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A sealed value that does not open: another key, a value moved or changed, or not sealed at all. */
export class SealedFieldError extends Error {
  override name = 'SealedFieldError';
}

export interface FieldSealer {
  /** The sealed form of `plain`, bound to `place` (what record and field keeps it). */
  seal: (plain: string, place: string) => Promise<string>;
  /** The plain text of a value sealed for `place`; a SealedFieldError when it does not open. */
  open: (sealed: string, place: string) => Promise<string>;
  /** What `open` would answer, when this process already knows it: no waiting. */
  openedBefore: (sealed: string, place: string) => string | undefined;
  /** What `seal` would answer, when this process already sealed or opened it: no waiting. */
  sealedBefore: (plain: string, place: string) => string | undefined;
}

export function isSealed(value: string): boolean {
  return value.startsWith(`${FORMAT}:`);
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new SealedFieldError('A sealed value is malformed');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** A key for sealing made from 32 bytes (the server's DATA_KEY); it cannot be read back. */
export function importSealingKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  if (raw.length * 8 !== KEY_BITS) {
    throw new RangeError(`A sealing key is ${KEY_BITS / 8} bytes, not ${raw.length}`);
  }
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** A new random key that cannot be read back: the browser's per-install key, and tests'. */
export function generateSealingKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: KEY_BITS }, false, [
    'encrypt',
    'decrypt',
  ]) as Promise<CryptoKey>;
}

/** A bounded map: values it forgets are computed again. */
function memory() {
  const entries = new Map<string, string>();
  return {
    get: (id: string) => entries.get(id),
    set(id: string, value: string) {
      if (entries.size >= MEMORY_MAX_ENTRIES) entries.clear();
      entries.set(id, value);
    },
  };
}

/**
 * The sealer over one key, loaded on first use (again after a failed load).
 * It remembers what it opened and sealed in this process: a record read again
 * opens without WebCrypto, and an unchanged secret written back keeps its
 * sealed form, so a transaction seldom waits for the cipher.
 */
export function createFieldSealer(loadKey: () => Promise<CryptoKey>): FieldSealer {
  let loading: Promise<CryptoKey> | null = null;
  const key = () =>
    (loading ??= loadKey().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
  const opened = memory();
  const sealedOf = memory();
  const id = (place: string, value: string) => `${place}\u0000${value}`;
  const remember = (place: string, plain: string, sealed: string) => {
    opened.set(id(place, sealed), plain);
    sealedOf.set(id(place, plain), sealed);
  };
  return {
    openedBefore: (sealed, place) => opened.get(id(place, sealed)),
    sealedBefore: (plain, place) => sealedOf.get(id(place, plain)),
    async seal(plain, place) {
      const known = sealedOf.get(id(place, plain));
      if (known !== undefined) return known;
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const ciphertext = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: encoder.encode(place) },
        await key(),
        encoder.encode(plain),
      );
      const sealed = `${FORMAT}:${toBase64Url(iv)}:${toBase64Url(new Uint8Array(ciphertext))}`;
      remember(place, plain, sealed);
      return sealed;
    },
    async open(sealed, place) {
      const known = opened.get(id(place, sealed));
      if (known !== undefined) return known;
      const [format, iv = '', ciphertext = '', ...rest] = sealed.split(':');
      if (format !== FORMAT || rest.length > 0) {
        throw new SealedFieldError(`The value kept at ${place} is not sealed as ${FORMAT}`);
      }
      let plain: string;
      try {
        const bytes = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: fromBase64Url(iv), additionalData: encoder.encode(place) },
          await key(),
          fromBase64Url(ciphertext),
        );
        plain = decoder.decode(bytes);
      } catch {
        throw new SealedFieldError(
          `The value sealed at ${place} does not open: another key, or changed since it was sealed`,
        );
      }
      remember(place, plain, sealed);
      return plain;
    },
  };
}
