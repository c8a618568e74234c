import { useEffect, useState } from 'react';

export const NOW_TICK_MS = 1_000;

/** The current time, re-rendering every second while `active`; for countdowns and lock ends. */
export function useNow(active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), NOW_TICK_MS);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
