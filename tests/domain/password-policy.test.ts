import { describe, expect, it } from 'vitest';
import { passwordProblem } from '@/api/password-policy';

describe('passwordProblem (PASSWORD-1)', () => {
  it.each([
    ['short', 'Ab1!xyz', 'too_short'],
    ['8 characters', 'plainold', null],
    ['the whole email', 'Alice@Example.com', 'same_as_email'],
    ["the email's name alone", 'aliceabc', null],
    ['a common password', 'Password1', 'common'],
    ['a common password in other case', 'QWERTY123', 'common'],
    ['a passphrase', 'correct horse battery staple', null],
    ['129 characters', 'x'.repeat(129), 'too_long'],
    ['8 characters of emoji', '🔐🔐🔐🔐🔐🔐🔐🔐', null],
  ])('%s', (_, password, problem) => {
    expect(passwordProblem(password, 'alice@example.com')).toBe(problem);
  });

  it("refuses the email's local part when it is long enough to be a password", () => {
    expect(passwordProblem('alexandra', 'alexandra@example.com')).toBe('same_as_email');
  });
});
