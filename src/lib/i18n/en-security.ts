/**
 * English for Security Settings beyond MFA and the password reset: active
 * sessions (SESSION-1, SESSION-2), the login retention time (SESSION-3), and
 * the password (PASSWORD-1, PASSWORD-2). Spread into the English catalogue.
 */
export const enSecurity = {
  'errors.INVALID_PASSWORD': 'The current password is not correct.',

  'audit.password.changed': 'Password changed',
  'audit.password.reset': 'Password reset with an email code',
  'audit.session.ended': '{count} sessions signed out',
  'audit.session.ended.one': '{count} session signed out',

  'password.change': 'Change password',
  'password.changeText':
    'Every other session of your account will be signed out; this one stays signed in.',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.repeat': 'New password again',
  'password.hint': 'At least {min} characters, not your email, not a common password.',
  'password.mismatch': 'The two new passwords are not the same.',
  'password.tooShort': 'Use at least {min} characters.',
  'password.tooLong': 'Use at most {max} characters.',
  'password.sameAsEmail': 'Do not use your email as your password.',
  'password.sameAsCurrent': 'This is your current password. Choose a new one.',
  'password.common': 'This password is one of the most common in breaches. Choose another.',
  'password.show': 'Show passwords',
  'password.changed': 'Your password was changed. Other sessions were signed out.',

  'retention.title': 'Login retention time',
  'retention.summary':
    'A session ends after {idle} idle minutes, and at the latest {days} days after its login.',
  'retention.summaryNoLimit': 'A session ends after {idle} idle minutes; no maximum length.',
  'retention.change': 'Change',
  'retention.dialogText':
    'Applies at once to every session of your account, this one included. A session past either limit goes back to the login.',
  'retention.idle': 'Idle time (minutes)',
  'retention.idleHint': 'From {min} to {max} minutes.',
  'retention.idleInvalid': 'Enter a whole number of minutes from {min} to {max}.',
  'retention.max': 'Maximum length (days)',
  'retention.maxHint': 'From 0 to {max} days; 0 means no limit.',
  'retention.maxInvalid': 'Enter a whole number of days from 0 to {max}.',
  'retention.saved': 'Login retention time saved.',

  'sessions.title': 'Active sessions',
  'sessions.subtitle': 'Where your account is signed in.',
  'sessions.subtitleMock':
    'Where your account is signed in. In this demo each browser tab holds a session of its own.',
  'sessions.device': '{browser} on {os}',
  'sessions.unknownBrowser': 'Unknown browser',
  'sessions.unknownOs': 'an unknown system',
  'sessions.address': 'IP address {address}',
  'sessions.thisBrowser': 'In this browser',
  'sessions.addressUnknown': 'IP address unknown',
  'sessions.current': 'This session',
  'sessions.started': 'Signed in {time}',
  'sessions.lastActive': 'Last active {time}',
  'sessions.signOut': 'Sign out',
  'sessions.signOutOne': 'Sign out {device}, signed in {time}',
  'sessions.signOutOthers': 'Sign out all other sessions',
  'sessions.confirmTitle': 'Sign out all other sessions?',
  'sessions.confirmText':
    'Every other browser or tab signed in to your account goes back to the login page. This session stays signed in.',
  'sessions.signedOutOne': 'The session was signed out.',
  'sessions.signedOutOthers': 'Other sessions were signed out.',
  'sessions.onlyThis': 'No other session is signed in to your account.',

  'reset.link': 'Forgot password?',
  'reset.title': 'Reset your password',
  'reset.subtitle':
    'We email you a verification code, then you choose a new password. MFA stays as it is.',
  'reset.sendCode': 'Send verification code',
  'reset.codeSent':
    'If an account uses {email}, a verification code is on its way to it. It is valid for 10 minutes.',
  'reset.otherEmail': 'Use another email',
  'reset.submit': 'Reset password',
  'reset.doneTitle': 'Password reset',
  'reset.done':
    'Your password was reset and every session of your account was signed out. Log in with the new password; if MFA is bound, the dynamic code is still asked for.',
  'reset.toLogin': 'Go to login',
} as const;
