/**
 * The console's languages (SHELL-3). The client names the one its screens
 * show in `Accept-Language` on every request, and the backend writes its
 * emails in it.
 */
export const LANGUAGES = ['en', 'zh-CN'] as const;

export type Language = (typeof LANGUAGES)[number];

/**
 * The language an `Accept-Language` header asks for first, if the console
 * has it; null for none or another. Only the first tag counts: the console's
 * client sends one, and a browser's own list starts with the one it prefers.
 */
export function languageOfHeader(header: string | null): Language | null {
  const first = header?.split(',')[0]?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (first === 'zh' || first.startsWith('zh-')) return 'zh-CN';
  if (first === 'en' || first.startsWith('en-')) return 'en';
  return null;
}
