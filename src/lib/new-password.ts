import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/api/limits';
import { passwordProblem, SAME_AS_CURRENT } from '@/api/password-policy';
import { fieldMessage } from './error-message';
import type { MessageKey } from './i18n/en';
import type { Translate } from './i18n/i18n';

/** Field error codes of a new password, typed twice: the server's codes and `mismatch`. */
export interface NewPasswordErrors {
  newPassword?: string;
  repeat?: string;
}

/**
 * PASSWORD-1, PASSWORD-2: what the screen says before anything is sent; the
 * server decides with the same policy (`passwordProblem`).
 */
export function checkNewPassword(
  password: string,
  repeat: string,
  email: string,
): NewPasswordErrors {
  const errors: NewPasswordErrors = {};
  const problem = password === '' ? 'required' : passwordProblem(password, email);
  if (problem) errors.newPassword = problem;
  if (repeat !== password) errors.repeat = repeat === '' ? 'required' : 'mismatch';
  return errors;
}

const MESSAGES: Record<string, MessageKey> = {
  too_short: 'password.tooShort',
  too_long: 'password.tooLong',
  same_as_email: 'password.sameAsEmail',
  common: 'password.common',
  [SAME_AS_CURRENT]: 'password.sameAsCurrent',
  mismatch: 'password.mismatch',
};

/** The translated message of a new-password field error code. */
export function newPasswordMessage(t: Translate, code: string | undefined): string | undefined {
  const key = code === undefined ? undefined : MESSAGES[code];
  if (key === undefined) return fieldMessage(t, code);
  return t(key, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
}
