import { afterEach, beforeEach, vi } from 'vitest';

/**
 * HOUSE rule 10: any console.error fails the test. It throws where it is called,
 * and because a library may swallow that throw (msw turns it into a 500), the
 * calls are also collected and reported after the test.
 */
let errors: string[] = [];

beforeEach(() => {
  errors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    const message = args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(' ');
    errors.push(message);
    throw new Error(`console.error was called: ${message}`);
  });
});

afterEach(() => {
  const reported = errors;
  errors = [];
  if (reported.length > 0) {
    throw new Error(`console.error was called during the test:\n${reported.join('\n')}`);
  }
});
