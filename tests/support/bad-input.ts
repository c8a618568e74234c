import { expect } from 'vitest';
import type { ApiResponse } from './api-client';

/** Bad input both the bodies' and the paths' checks are given (MOCK-1). */
export const TEN_KB = 10 * 1024;
export const MARKUP = '<img src=x onerror=alert(1)>';

/** Strings worth looking for in an answer: anything long enough not to occur by chance. */
export function submittedStrings(value: unknown): string[] {
  if (typeof value === 'string') return value.length >= 5 ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(submittedStrings);
  if (value !== null && typeof value === 'object') {
    return Object.values(value).flatMap(submittedStrings);
  }
  return [];
}

/** MOCK-6: an error body never repeats what was sent, raw or JSON-escaped. */
export function expectNoEcho(response: ApiResponse, submitted: readonly string[]): void {
  for (const value of submitted) {
    for (const form of [value, JSON.stringify(value).slice(1, -1)]) {
      expect(response.text.includes(form.slice(0, 64)), `echoed ${JSON.stringify(form)}`).toBe(
        false,
      );
    }
  }
}
