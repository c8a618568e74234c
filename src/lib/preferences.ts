import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type Language = 'en' | 'zh-CN';
export type ThemePreference = 'system' | 'light' | 'dark';

export const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

export function browserLanguage(): Language {
  const preferred = globalThis.navigator?.languages?.[0] ?? globalThis.navigator?.language ?? 'en';
  return preferred.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
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
