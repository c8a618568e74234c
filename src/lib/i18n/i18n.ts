import { useCallback } from 'react';
import { usePreferences, type Language } from '../preferences';
import { en, type MessageKey } from './en';
import { zhCN } from './zh-cn';

export type { MessageKey };
export type Translate = (
  key: MessageKey,
  values?: Record<string, string | number | boolean>,
) => string;

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export function translate(
  language: Language,
  key: MessageKey,
  values?: Record<string, string | number | boolean>,
): string {
  const catalogue = CATALOGUES[language];
  const template = pluralOf(catalogue, language, key, values?.count) ?? catalogue[key];
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/**
 * A `{count}` message may have plural forms as extra keys, `key.one` and so on,
 * chosen by the language's plural rules (Chinese has none; English has "one").
 */
function pluralOf(
  catalogue: Record<MessageKey, string>,
  language: Language,
  key: MessageKey,
  count: unknown,
): string | undefined {
  if (typeof count !== 'number') return undefined;
  const form = `${key}.${new Intl.PluralRules(language).select(count)}`;
  return form in catalogue ? catalogue[form as MessageKey] : undefined;
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
