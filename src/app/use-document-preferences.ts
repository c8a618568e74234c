import { useEffect, useSyncExternalStore } from 'react';
import { usePreferences } from '@/lib/preferences';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribeToSystemTheme(onChange: () => void) {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Keeps <html lang> and the colour theme in step with the user's preferences. */
export function useDocumentPreferences(): void {
  const language = usePreferences((state) => state.language);
  const theme = usePreferences((state) => state.theme);
  const systemDark = useSyncExternalStore(
    subscribeToSystemTheme,
    () => window.matchMedia(DARK_QUERY).matches,
  );
  const resolved = theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
  }, [resolved]);
}
