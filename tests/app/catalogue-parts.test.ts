import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import enFirstScreen from 'virtual:catalogue/en/first-screen';
import enRest from 'virtual:catalogue/en/rest';
import zhFirstScreen from 'virtual:catalogue/zh-CN/first-screen';
import zhRest from 'virtual:catalogue/zh-CN/rest';
import { describe, expect, it } from 'vitest';
import { en } from '@/lib/i18n/en';
import { onFirstScreen } from '@/lib/i18n/first-screen';
import { zhCN } from '@/lib/i18n/zh-cn';

/** What the login page draws before the words past the first screen have loaded (ADR 0034). */
const FIRST_SCREEN_SOURCES = [
  'features/auth/login-page.tsx',
  'features/auth/session-end.ts',
  'app/login-layout.tsx',
  'app/language-select.tsx',
  'app/demo-server-notice.tsx',
  'app/session-boundary.tsx',
  'app/not-found.tsx',
  'features/auth/login-form.tsx',
  'features/auth/email-field.tsx',
  'components/page-spinner.tsx',
  'lib/error-message.ts',
];
/** Shown by login-page.tsx only beside a later step, which waits for every word. */
const BESIDE_A_LATER_STEP = new Set(['recovery.lostBoth', 'tickets.lost.link']);

const keysIn = (path: string) =>
  [
    ...readFileSync(fileURLToPath(new URL(`../../src/${path}`, import.meta.url)), 'utf8').matchAll(
      /\bt\(\s*'([\w.]+)'/g,
    ),
  ].map(([, key]) => key ?? '');

describe('the catalogues in two parts', () => {
  it.each([
    ['en', en, enFirstScreen, enRest],
    ['zh-CN', zhCN, zhFirstScreen, zhRest],
  ])(
    '%s: the first screen’s words and the rest make the whole catalogue, split by key',
    (_, whole, first, rest) => {
      expect({ ...first, ...rest }).toEqual(whole);
      expect(Object.keys(first).every(onFirstScreen)).toBe(true);
      expect(Object.keys(rest).some(onFirstScreen)).toBe(false);
    },
  );

  it('has every word the login page draws in the first part', () => {
    const keys = FIRST_SCREEN_SOURCES.flatMap(keysIn).filter(
      (key) => !BESIDE_A_LATER_STEP.has(key),
    );
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((key) => !onFirstScreen(key))).toEqual([]);
    expect(keys.filter((key) => !(key in enFirstScreen))).toEqual([]);
  });
});
