import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './limits';

/**
 * PASSWORD-1: what a new password must be, as NIST SP 800-63B asks: long
 * enough, not the account's own email, and not one of the passwords that
 * breaches show people choose most. Shared by the screen (which says so as the
 * user types) and the server (which decides); zod-free so a screen can load it.
 */
/** Why a new password is refused; null when it is acceptable. */
export type PasswordProblem = 'too_short' | 'too_long' | 'same_as_email' | 'common';

/**
 * Why the server alone may refuse a new password: it is the current one. Only
 * the server holds the current password's hash, so no screen can say it first.
 */
export const SAME_AS_CURRENT = 'same_as_current';

/** Among the most frequent passwords in public breach corpora, lowercased. */
const COMMON_PASSWORDS = new Set([
  '123456',
  '123456789',
  '12345678',
  'password',
  'qwerty123',
  'qwerty1',
  '111111',
  '12345',
  'secret',
  '123123',
  '1234567890',
  '1234567',
  '000000',
  'qwerty',
  'abc123',
  'password1',
  'iloveyou',
  '11111111',
  'dragon',
  'monkey',
  '123321',
  'qwertyuiop',
  '654321',
  '666666',
  '987654321',
  '1q2w3e4r',
  '1q2w3e4r5t',
  '1qaz2wsx',
  'zaq12wsx',
  'asdfghjkl',
  'asdf1234',
  'welcome',
  'welcome1',
  'welcome123',
  'admin',
  'admin123',
  'administrator',
  'letmein',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'starwars',
  'whatever',
  'trustno1',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'password123',
  'password!',
  'changeme',
  'default',
  'superman',
  'batman',
  'master',
  'shadow',
  'michael',
  'jennifer',
  'jordan23',
  'hunter2',
  'charlie',
  'freedom',
  'loveyou',
  'lovely',
  'flower',
  'hello123',
  'hellohello',
  'google',
  'computer',
  'internet',
  'samsung',
  'q1w2e3r4',
  'q1w2e3r4t5',
  'aa123456',
  'a1b2c3d4',
  '88888888',
  '12341234',
  '11223344',
  '159753',
  '147258369',
  '123qwe',
  '123abc',
  'abcd1234',
  'qazwsx',
  'qwer1234',
  'mustang',
  'access',
  'ninja',
  'azerty',
  'solo',
  'login',
  'guest',
  'test1234',
  'testtest',
  'summer2024',
  'winter2024',
  'spring2025',
  'autumn2025',
]);

export function passwordProblem(password: string, email: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
  const lowered = password.toLowerCase();
  const normalizedEmail = email.trim().toLowerCase();
  if (lowered === normalizedEmail || lowered === normalizedEmail.split('@')[0]) {
    return 'same_as_email';
  }
  if (COMMON_PASSWORDS.has(lowered)) return 'common';
  return null;
}
