/**
 * English for security keys as a second factor (KEY-1 to KEY-5): the Security
 * keys row, the login's and the step-ups' key option, their errors and log
 * lines. Spread into the English catalogue.
 */
export const enKeys = {
  'errors.SECURITY_KEY_REFUSED':
    'The security key was not accepted. Try again, or use a code instead.',
  'errors.SECURITY_KEY_LIMIT': 'You have added as many security keys as an account may hold.',
  'errors.SECURITY_KEY_EXISTS': 'This security key is already added.',
  'audit.mfa.key_added': 'Security key "{name}" added',
  'audit.mfa.key_removed': 'Security key "{name}" removed',
  'audit.mfa.key_removedWithBinding': 'Security key "{name}" removed with MFA unbinding',
  'audit.mfa.key_counter_rejected':
    'Security key "{name}" refused: its signature count went backwards (it may have been copied)',
  'audit.signin.security_key': 'Signed in with a security key',
} as const;
