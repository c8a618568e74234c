import { useCallback, useSyncExternalStore } from 'react';

/** A phone-sized screen (SHELL-4), the width the stylesheets also switch at. */
export const PHONE_QUERY = '(max-width: 600px)';

/** Whether a media query matches, following changes (a rotated phone, a resized window). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
