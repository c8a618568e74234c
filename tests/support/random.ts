/**
 * A deterministic stand-in for the CSPRNG (mulberry32), so a test that compares
 * two codes never meets the one-in-a-million draw where they are equal.
 */
export function seededRandomBytes(seed: number): (length: number) => Uint8Array {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) & 0xff;
  };
  return (length) => Uint8Array.from({ length }, next);
}

/**
 * Random bytes that start with `scripted` draws (each consumed by one call, and
 * checked to have the length asked for), then fall back to a seeded stream.
 */
export function scriptedRandomBytes(
  scripted: readonly Uint8Array[],
  seed = 1,
): (length: number) => Uint8Array {
  const queue = [...scripted];
  const fallback = seededRandomBytes(seed);
  return (length) => {
    const next = queue.shift();
    if (next === undefined) return fallback(length);
    if (next.length !== length) {
      throw new Error(`scripted draw of ${next.length} bytes, but ${length} were asked for`);
    }
    return next;
  };
}
