import type { Clock } from '@/backend/domain/context';

export const START_MS = Date.parse('2026-01-01T00:00:00Z');

/** A clock that only moves when a test moves it. */
export interface FakeClock {
  readonly clock: Clock;
  readonly now: number;
  advance(ms: number): void;
}

export function createFakeClock(start: number = START_MS): FakeClock {
  let now = start;
  return {
    clock: () => now,
    get now() {
      return now;
    },
    advance(ms) {
      now += ms;
    },
  };
}
