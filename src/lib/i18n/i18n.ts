import { useCallback } from 'react';
import { type Language, usePreferences } from '../preferences';
import { en, type MessageKey } from './en';
import { formatMessage, type MessageValues } from './message-format';

export type { MessageKey };
export type Translate = (key: MessageKey, values?: MessageValues) => string;

type Catalogue = Record<MessageKey, string>;

/**
 * English ships with the app; other languages load when chosen, so the first
 * page carries one catalogue, not all of them (QUAL-3).
 */
const catalogues: Partial<Record<Language, Catalogue>> = { en };

const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Catalogue>> = {
  'zh-CN': () => import('./zh-cn').then((module) => module.zhCN),
};

export async function loadCatalogue(language: Language): Promise<void> {
  if (language === 'en' || catalogues[language]) return;
  catalogues[language] = await LOADERS[language]();
}

/** Switches the language once its catalogue is in, so no screen shows half of each. */
export async function chooseLanguage(language: Language): Promise<void> {
  await loadCatalogue(language);
  usePreferences.getState().setLanguage(language);
}

export function translate(language: Language, key: MessageKey, values?: MessageValues): string {
  return formatMessage(catalogues[language] ?? en, language, key, values);
}

/** The translation layer every visible string goes through (SHELL-3). */
export function useT(): Translate {
  const language = usePreferences((state) => state.language);
  return useCallback((key, values) => translate(language, key, values), [language]);
}

export function useLanguage(): Language {
  return usePreferences((state) => state.language);
}

/** Whether a key built at run time (from an event name, say) has a message. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
