import { useCallback, useEffect, useRef, useState } from 'react';

const DRAFT_PREFIX = 'guance-console:draft:';

function read<T>(key: string | null, initial: T): T {
  if (key === null) return initial;
  try {
    const stored = sessionStorage.getItem(DRAFT_PREFIX + key);
    return stored === null ? initial : { ...initial, ...(JSON.parse(stored) as T) };
  } catch {
    return initial;
  }
}

/**
 * A form's typed values, kept in this tab until the form is sent (QUAL-1,
 * LOGIN-8): a reload, a failed request or an expired login loses nothing.
 * Never for a password, a code or a secret (HOUSE rule 6). A null key keeps the
 * values in memory only.
 */
export function useDraft<T extends object>(key: string | null, initial: T) {
  const [value, setValue] = useState<T>(() => read(key, initial));
  // The first render's blank form; later renders pass equal, fresh objects.
  const blank = useRef(initial);

  useEffect(() => {
    if (key === null) return;
    try {
      sessionStorage.setItem(DRAFT_PREFIX + key, JSON.stringify(value));
    } catch {
      // Storage full or unavailable: the draft lives in memory only.
    }
  }, [key, value]);

  const discard = useCallback(() => {
    if (key !== null) sessionStorage.removeItem(DRAFT_PREFIX + key);
    setValue(blank.current);
  }, [key]);

  return [value, setValue, discard] as const;
}

/** Forgets every draft of this tab: on logging out, the next person sees none of it. */
export function discardAllDrafts(): void {
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith(DRAFT_PREFIX)) sessionStorage.removeItem(key);
  }
}
