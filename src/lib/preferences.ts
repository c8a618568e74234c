import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { type Language, languageOfHeader, LANGUAGES } from '@/api/languages';

export type { Language };
export { LANGUAGES };
export type ThemePreference = 'system' | 'light' | 'dark';

export function browserLanguage(): Language {
  const preferred = globalThis.navigator?.languages?.[0] ?? globalThis.navigator?.language ?? 'en';
  return languageOfHeader(preferred) ?? 'en';
}

interface Preferences {
  language: Language;
  theme: ThemePreference;
  setLanguage: (language: Language) => void;
  setTheme: (theme: ThemePreference) => void;
}

/** UI preferences only (HOUSE rule 6): never a secret, a code or a token. */
export const usePreferences = create<Preferences>()(
  persist(
    (set) => ({
      language: browserLanguage(),
      theme: 'system',
      setLanguage: (language) => set({ language }),
      setTheme: (theme) => set({ theme }),
    }),
    {
      name: 'guance-console:preferences',
      partialize: ({ language, theme }) => ({ language, theme }),
    },
  ),
);
