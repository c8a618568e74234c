/**
 * One writer at a time in this process (ADR 0025, ADR 0027): `take()` waits
 * for the slot and resolves with the function that frees it. Transactions
 * that only read never take it, so they run beside the writer.
 */
export function createWriterSlot() {
  let tail: Promise<void> = Promise.resolve();
  return {
    async take(): Promise<() => void> {
      let free: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (free = resolve));
      const before = tail;
      tail = before.then(() => held);
      await before;
      return free;
    },
  };
}
