import { describe, expect, it } from 'vitest';
import { DEMO_HINTS } from '@/app/demo-hint';
import { DEMO_PASSWORD } from '@/backend/seed';
import { en } from '@/lib/i18n/en';
import { zhCN } from '@/lib/i18n/zh-cn';
import { LANGUAGES } from '@/lib/preferences';

/**
 * Issue 22: every build ships the i18n catalogues, so the demo password lives
 * outside them, in a module only demo builds reach (`npx vite build` with
 * VITE_API_BASE_URL leaves it out; ADR 0026).
 */
describe('the demo password on the login page', () => {
  it('is in no catalogue that every build ships', () => {
    const holding = Object.entries({ en, zhCN }).flatMap(([language, catalogue]) =>
      Object.entries(catalogue)
        .filter(([, message]) => message.includes(DEMO_PASSWORD))
        .map(([key]) => `${language}: ${key}`),
    );

    expect(holding).toEqual([]);
  });

  it("is told in every language by the demo builds' hint, and is the seed's", () => {
    for (const language of LANGUAGES) expect(DEMO_HINTS[language]).toContain(DEMO_PASSWORD);
  });
});
