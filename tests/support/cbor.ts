/**
 * The little CBOR (RFC 8949) an authenticator writes: integers, byte and
 * text strings, arrays and maps, in their shortest form. Enough for an
 * attestationObject and a COSE key, written for the tests' software
 * authenticator; decoding is the library's.
 */
export type CborValue =
  number | string | Uint8Array | readonly CborValue[] | ReadonlyMap<CborValue, CborValue>;

const UNSIGNED = 0;
const NEGATIVE = 1;
const BYTES = 2;
const TEXT = 3;
const ARRAY = 4;
const MAP = 5;

export function encodeCbor(value: CborValue): Uint8Array {
  const out: number[] = [];
  write(out, value);
  return Uint8Array.from(out);
}

function write(out: number[], value: CborValue): void {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
    if (value >= 0) head(out, UNSIGNED, value);
    else head(out, NEGATIVE, -1 - value);
  } else if (typeof value === 'string') {
    const bytes = new TextEncoder().encode(value);
    head(out, TEXT, bytes.length);
    out.push(...bytes);
  } else if (value instanceof Uint8Array) {
    head(out, BYTES, value.length);
    out.push(...value);
  } else if (value instanceof Map) {
    head(out, MAP, value.size);
    for (const [key, item] of value) {
      write(out, key);
      write(out, item);
    }
  } else {
    const items = value as readonly CborValue[];
    head(out, ARRAY, items.length);
    for (const item of items) write(out, item);
  }
}

/** A major type and its argument: in the initial byte below 24, else in 1, 2 or 4 bytes after it. */
function head(out: number[], major: number, argument: number): void {
  const type = major << 5;
  if (argument < 24) out.push(type | argument);
  else if (argument < 0x100) out.push(type | 24, argument);
  else if (argument < 0x10000) out.push(type | 25, argument >> 8, argument & 0xff);
  else if (argument < 0x100000000) {
    out.push(type | 26, ...[24, 16, 8, 0].map((shift) => (argument >>> shift) & 0xff));
  } else throw new Error(`too large for this encoder: ${argument}`);
}
