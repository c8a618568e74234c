/** The values a message's `{name}` placeholders take. */
export type MessageValues = Record<string, string | number | boolean>;

/**
 * A catalogue's message with its placeholders filled (ADR 0001). When `count`
 * is a number and the catalogue has a plural form of the key (`key.one`...),
 * the language's plural rules pick it (Chinese has none; English has "one").
 * A key with no word shows as the key. Pure, so the screens and the backend's emails share it.
 */
export function formatMessage<Key extends string>(
  catalogue: Readonly<Partial<Record<Key, string>>>,
  language: string,
  key: Key,
  values?: MessageValues,
): string {
  // A key with no word yet (its part of the catalogue still loading) shows as itself.
  const template = pluralOf(catalogue, language, key, values?.count) ?? catalogue[key] ?? key;
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

function pluralOf<Key extends string>(
  catalogue: Readonly<Partial<Record<Key, string>>>,
  language: string,
  key: Key,
  count: unknown,
): string | undefined {
  if (typeof count !== 'number') return undefined;
  const form = `${key}.${new Intl.PluralRules(language).select(count)}`;
  return form in catalogue ? catalogue[form as Key] : undefined;
}
