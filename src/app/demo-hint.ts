import type { Language } from '@/lib/preferences';

/**
 * The login page's hint of the demo password, in each language. Kept out of
 * the i18n catalogues, which every build ships: only code behind
 * `import.meta.env.DEMO_BUILD` reads it, so a build for a real backend drops
 * this module whole and its bundle never holds the password (issue 22).
 */
export const DEMO_HINTS: Record<Language, string> = {
  en: 'Demo accounts use the password Guance@2026.',
  'zh-CN': '演示账号的密码均为 Guance@2026。',
};
