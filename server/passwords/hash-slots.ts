import { availableParallelism } from 'node:os';

/**
 * SERVER-4: hashes in flight at once by default, the CPUs less one. scrypt
 * runs in libuv's four threads, off the event loop, but four hashes on two
 * cores leave the event loop a fraction of one, and every other request
 * waits for it (ADR 0027). Beyond this, logins queue for a slot.
 */
export const HASHES_IN_FLIGHT = Math.max(1, availableParallelism() - 1);

/** Runs at most `slots` jobs at once; the others wait, first come first served. */
export function createSlots(slots: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function inSlot<T>(job: () => Promise<T>): Promise<T> {
    if (running < slots) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await job();
    } finally {
      // A finished job hands its slot straight to the next in line.
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
