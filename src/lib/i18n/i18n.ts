import { useCallback } from 'react';
import enFirstScreen from 'virtual:catalogue/en/first-screen';
import { type Language, usePreferences } from '../preferences';
import type { MessageKey } from './en';
import { formatMessage, type MessageValues } from './message-format';

export type { MessageKey };
export type Translate = (key: MessageKey, values?: MessageValues) => string;

type Words = Partial<Record<MessageKey, string>>;
type Part = 'first-screen' | 'rest';

/**
 * Each language's catalogue comes in two parts, split at build time by
 * `onFirstScreen` (first-screen.ts, ADR 0034): the words of the login page,
 * and the rest. Only English's first part ships with the app; the rest loads
 * once the first screen has painted, and a page other than the login page
 * waits for it (QUAL-3). Another language loads when it is chosen.
 */
const PARTS: Record<Language, Record<Part, () => Promise<{ default: Words }>>> = {
  en: {
    'first-screen': () => Promise.resolve({ default: enFirstScreen }),
    rest: () => import('virtual:catalogue/en/rest'),
  },
  'zh-CN': {
    'first-screen': () => import('virtual:catalogue/zh-CN/first-screen'),
    rest: () => import('virtual:catalogue/zh-CN/rest'),
  },
};

const catalogues: Partial<Record<Language, Words>> = { en: enFirstScreen };
const loading = new Map<string, Promise<void>>();

function loadPart(language: Language, part: Part): Promise<void> {
  const id = `${language}/${part}`;
  let pending = loading.get(id);
  if (!pending) {
    pending = PARTS[language][part]().then(({ default: words }) => {
      catalogues[language] = { ...catalogues[language], ...words };
    });
    // A part that failed to load is asked for again next time.
    pending.catch(() => loading.delete(id));
    loading.set(id, pending);
  }
  return pending;
}

/** The words of the login page in `language`: enough to paint the first screen. */
export function loadFirstScreenWords(language: Language): Promise<void> {
  return loadPart(language, 'first-screen');
}

/** Every word of `language`. */
export async function loadCatalogue(language: Language): Promise<void> {
  await Promise.all([loadPart(language, 'first-screen'), loadPart(language, 'rest')]);
}

/** Every word of the language chosen now: what a page past the first screen waits for. */
export function loadChosenCatalogue(): Promise<void> {
  return loadCatalogue(usePreferences.getState().language);
}

/** Switches the language once its catalogue is in, so no screen shows half of each. */
export async function chooseLanguage(language: Language): Promise<void> {
  await loadCatalogue(language);
  usePreferences.getState().setLanguage(language);
}

export function translate(language: Language, key: MessageKey, values?: MessageValues): string {
  return formatMessage(catalogues[language] ?? catalogues.en ?? {}, language, key, values);
}

/** The translation layer every visible string goes through (SHELL-3). */
export function useT(): Translate {
  const language = usePreferences((state) => state.language);
  return useCallback((key, values) => translate(language, key, values), [language]);
}

export function useLanguage(): Language {
  return usePreferences((state) => state.language);
}

/** Whether a key built at run time (from an event name, say) has a message, in any catalogue loaded. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.values(catalogues).some((words) => Object.hasOwn(words, key));
}
