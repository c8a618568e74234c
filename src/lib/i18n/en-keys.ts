/**
 * English for security keys as a second factor (KEY-1 to KEY-5): the Security
 * keys row, the login's and the step-ups' key option, their errors and log
 * lines. Spread into the English catalogue.
 */
export const enKeys = {
  'keys.use': 'Use a security key',
  'keys.useInstead': 'Confirm with a security key instead',
  'keys.tryAgain': 'Try the security key again',
  'keys.promptText':
    'Insert or touch your security key when your browser asks. Nothing to type: the key proves it is you.',
  'keys.promptFailed':
    'The security key prompt was closed or timed out. Try again, or use a code instead.',
  'keys.challengeTitle': 'Use your security key',
  'keys.challengeSubtitle': 'Confirm it is you, {email}, with one of your security keys.',
  'keys.rowTitle': 'Security keys',
  'keys.rowDescription':
    'A security key or passkey stands in for the dynamic code when you sign in, and cannot be phished.',
  'keys.bindFirst': 'Bind an authenticator app first; then you can add security keys.',
  'keys.none': 'No security keys yet.',
  'keys.listLabel': 'Your security keys',
  'keys.added': 'Added {time}',
  'keys.lastUsed': 'last used {time}',
  'keys.neverUsed': 'not used yet',
  'keys.add': 'Add a security key',
  'keys.full':
    'You have added as many security keys as an account may hold. Remove one to add another.',
  'keys.addTitle': 'Add a security key',
  'keys.addText':
    'Name the key, confirm it is you with a dynamic code (or a key you already added), then follow your browser.',
  'keys.name': 'Name',
  'keys.nameHint': 'So you can tell your keys apart, for example "YubiKey on my keyring".',
  'keys.rename': 'Rename',
  'keys.renameLabel': 'Rename {name}',
  'keys.renameTitle': 'Rename security key',
  'keys.save': 'Save',
  'keys.remove': 'Remove',
  'keys.removeLabel': 'Remove {name}',
  'keys.removeTitle': 'Remove {name}',
  'keys.removeText':
    'Confirm it is you with a second factor. The key stops working for this account at once.',
  'keys.unbindText': 'Confirm it is you with a security key or a code to unbind MFA.',
  'keys.unbindRemovesKeys':
    'Your security keys ({count}) will be removed too: a key works only beside a bound authenticator app.',
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
