import type { DevSettings } from '@/api/schemas/dev';

/**
 * MOCK-8, ADR 0027: the dev settings as this process's transactions last saw
 * them, for the fault switches to read without a transaction of their own.
 * Transactions that only read may settle out of order beside a writer, so
 * one that started before a change to the settings settled is not believed
 * over it; any that started after it is, which is how another process's
 * change arrives.
 */
export function createDevSettingsCopy() {
  let settings: DevSettings | null = null;
  let changes = 0;
  return {
    current: (): DevSettings | null => settings,
    /** Called as a transaction starts; `settle` once it has committed, with what it saw. */
    begin() {
      const changesAtStart = changes;
      return {
        settle(before: DevSettings, after: DevSettings): void {
          const changed = JSON.stringify(before) !== JSON.stringify(after);
          if (changed) changes += 1;
          else if (changesAtStart !== changes) return;
          settings = { ...after };
        },
      };
    },
  };
}
