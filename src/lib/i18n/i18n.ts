import { useCallback } from 'react';
import { usePreferences, type Language } from '../preferences';
import { en, type MessageKey } from './en';
import { zhCN } from './zh-cn';

export type { MessageKey };
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export function translate(
  language: Language,
  key: MessageKey,
  values?: Record<string, string | number>,
): string {
  const template = CATALOGUES[language][key];
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/** The translation layer every visible string goes through (SHELL-3). */
export function useT(): Translate {
  const language = usePreferences((state) => state.language);
  return useCallback((key, values) => translate(language, key, values), [language]);
}

export function useLanguage(): Language {
  return usePreferences((state) => state.language);
}

export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}
