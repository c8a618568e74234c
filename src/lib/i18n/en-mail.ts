/**
 * English for the emails the backend sends, the reference for every other
 * language of them (ADR 0001). Apart from the screens' catalogues, which the
 * app ships: only the backend reads these, in either host. Times are written
 * by the backend in UTC (`{at}`, `{until}`), as the reader's zone is unknown.
 */
export const enMail = {
  'mail.code.bind.subject': 'Your verification code for binding MFA',
  'mail.code.bind.body':
    'Your verification code is {code}. Enter it to bind MFA to your account. ' +
    'It is valid for {minutes} minutes and can be used once. ' +
    'If you did not ask for it, ignore this email: nobody can use it without your password.',
  'mail.code.ticket.subject': 'Your verification code for an Unbind MFA ticket',
  'mail.code.ticket.body':
    'Your verification code is {code}. Enter it to submit an Unbind MFA ticket. ' +
    'It is valid for {minutes} minutes and can be used once. ' +
    'If you did not ask for it, ignore this email: nobody can use it without your password.',
  'mail.code.reset.subject': 'Your verification code for resetting your password',
  'mail.code.reset.body':
    'Your verification code is {code}. Enter it to set a new password for your account. ' +
    'It is valid for {minutes} minutes and can be used once. ' +
    'If you did not ask for it, ignore this email: your password stays as it is, ' +
    'and MFA is still asked for at login.',

  'mail.passwordLocked.subject': 'Sign-in locked after failed attempts',
  'mail.passwordLocked.body':
    'There were {max} failed sign-in attempts on your account in a row. ' +
    'Signing in with a password is locked until {until}. ' +
    'If this was not you, change your password after the lock ends: Account Management > ' +
    'Security Settings > Change password, or Forgot password? at {resetPath}.',
  'mail.passwordBlocked.subject': 'Sign-in blocked after {max} failed attempts',
  'mail.passwordBlocked.body':
    'There were {max} failed sign-in attempts on your account in a row, across lockouts. ' +
    'It stays locked until you reset your password with a code sent to this email ' +
    '(Forgot password? on the login page), or customer service helps you. ' +
    'If this was not you, someone is trying to get in: reset your password at {resetPath}.',
  'mail.codeLocked.subject': 'MFA code entry locked after wrong codes',
  'mail.codeLocked.body':
    '{max} wrong codes were entered for your account in a row. ' +
    'Code entry is locked until {until}. ' +
    'If this was not you, someone may know your password: change it as soon as you can.',
  'mail.codeBlocked.subject': 'MFA code entry blocked after {max} wrong codes',
  'mail.codeBlocked.body':
    'There were {max} failed dynamic codes on your account in a row, across lockouts. ' +
    'It stays locked until you reset your password with a code sent to this email ' +
    '(Forgot password? on the login page), or customer service helps you. ' +
    'If this was not you, someone is trying to get in: reset your password at {resetPath}.',

  'mail.mfaBound.subject': 'MFA was bound to your account',
  'mail.mfaBound.body':
    'An authenticator app was bound to your account at {at}. ' +
    'From now on, logging in asks for its 6-digit dynamic code. ' +
    'Keep the recovery codes you were shown somewhere safe. ' +
    'If this was not you, contact customer service at once.',
  'mail.keyAdded.subject': 'A security key was added to your account',
  'mail.keyAdded.body':
    'The security key "{name}" was added to your account at {at}. ' +
    'It can now stand in for your dynamic code. ' +
    'If this was not you, remove it in Account Management > Security Settings and change your password.',
  'mail.keyRemoved.subject': 'A security key was removed from your account',
  'mail.keyRemoved.body':
    'The security key "{name}" was removed from your account at {at}. ' +
    'If this was not you, change your password and contact customer service at once.',
  'mail.keyCounterRejected.subject': 'A security key was refused: it may have been copied',
  'mail.keyCounterRejected.body':
    'At {at} your security key "{name}" answered with a signature count lower than before, ' +
    'which a genuine key never does, so it was refused. If you did not restore or reset this key, ' +
    'remove it in Account Management > Security Settings and change your password.',
  'mail.mfaUnbound.subject': 'MFA was unbound from your account',
  'mail.mfaUnbound.bodyBySelf':
    'The authenticator app was unbound from your account at {at}. ' +
    'Logging in now needs only your password. ' +
    'Bind MFA again in Account Management > Security Settings.',
  'mail.mfaUnbound.keysRemoved': 'Your {count} security keys were removed with it.',
  'mail.mfaUnbound.keysRemoved.one': 'Your security key was removed with it.',
  'mail.mfaUnbound.bodyByAgent':
    'The authenticator app was unbound from your account at {at} by customer service ' +
    '({agent}), as your ticket asked. Logging in now needs only your password. ' +
    'Bind MFA again in Account Management > Security Settings.',
  'mail.authenticatorChanged.subject': 'The authenticator app of your account was changed',
  'mail.authenticatorChanged.body':
    'A new authenticator app was bound to your account at {at}; ' +
    'the codes of the previous one no longer work. Your recovery codes are unchanged. ' +
    'If this was not you, contact customer service at once.',
  'mail.recoveryCodesMade.subject': 'New recovery codes were made for your account',
  'mail.recoveryCodesMade.body':
    'A new set of recovery codes was made for your account at {at}. ' +
    'The codes of the earlier set no longer work. ' +
    'If this was not you, change your password and contact customer service at once.',
  'mail.recoveryCodeUsed.subject': 'A recovery code was used on your account',
  'mail.recoveryCodeUsed.body':
    'A recovery code was used {use} at {at}. ' +
    '{count} of your recovery codes are left; each works once. ' +
    'Make a new set in Account Management > Security Settings. ' +
    'If this was not you, change your password and contact customer service at once.',
  'mail.recoveryCodeUsed.body.one':
    'A recovery code was used {use} at {at}. ' +
    '{count} of your recovery codes is left; each works once. ' +
    'Make a new set in Account Management > Security Settings. ' +
    'If this was not you, change your password and contact customer service at once.',
  'mail.recoveryCodeUse.login': 'to sign in to your account',
  'mail.recoveryCodeUse.unbind': 'to unbind MFA from your account',
  'mail.recoveryCodeUse.change': 'to change the authenticator app of your account',
  'mail.recoveryCodeUse.regenerate': 'to make new recovery codes',
  'mail.recoveryCodeUse.securityKey': 'to remove a security key from your account',

  'mail.passwordChanged.subject': 'Your password was changed',
  'mail.passwordChanged.body':
    'The password of your account was changed at {at}, ' +
    'and every other session of your account was signed out. ' +
    'If this was not you, reset your password (Forgot password? on the login page) ' +
    'and contact customer service.',
  'mail.passwordReset.subject': 'Your password was reset',
  'mail.passwordReset.body':
    'The password of your account was reset with a code sent to this email at {at}. ' +
    'Every session of your account was signed out. ' +
    'If this was not you, contact customer service at once.',
  'mail.passwordReset.bodyWithMfa':
    'The password of your account was reset with a code sent to this email at {at}. ' +
    'Every session of your account was signed out. ' +
    'Logging in still asks for your MFA dynamic code. ' +
    'If this was not you, contact customer service at once.',

  'mail.ticket.footer': 'Ticket {number}: {title}',
  'mail.ticket.received.subject': 'We received your ticket',
  'mail.ticket.received.body':
    'Customer service will pick it up soon. You will get an email at each step.',
  'mail.ticket.received.bodyUnbind':
    'Customer service will review your Unbind MFA request. Your MFA stays bound until they ' +
    'have checked it; you will get an email when it is unbound. Then log in with your ' +
    'password alone, and bind MFA again in Account Management.',
  'mail.ticket.unbindRequested.subject': 'An Unbind MFA request was filed for your account',
  'mail.ticket.unbindRequested.beforeLink':
    'Someone who knows your password asked customer service to unbind MFA from your ' +
    'account. Your MFA stays bound until an agent has reviewed the request.\n\n' +
    'If this was not you, cancel the request: ',
  'mail.ticket.unbindRequested.afterLink':
    '\nThe link works until customer service starts on it. Then change your password.',
  'mail.ticket.unbindCanceled.subject': 'Your Unbind MFA request was canceled',
  'mail.ticket.unbindCanceled.body':
    'The request was canceled with the link in our email. Your MFA stays bound.',
  'mail.ticket.accepted.subject': 'Customer service is working on your ticket',
  'mail.ticket.accepted.body':
    'Your ticket was accepted by customer service. You will get an email when they reply.',
  'mail.ticket.replied.subject': 'Customer service replied to your ticket',
  'mail.ticket.replied.body':
    '{reply}\n\nReply in Ticket Management. Without an answer the ticket closes by itself ' +
    'after {days} days.',
  'mail.ticket.closed.subject': 'Your ticket was closed',
  'mail.ticket.closedByAgent.body':
    'Customer service closed your ticket. You can rate their help in Ticket Management.',
  'mail.ticket.closedAutomatically.body':
    'Customer service replied on {repliedAt} and there was no answer for {days} days, ' +
    'so the ticket was closed. You can rate the answer in Ticket Management, ' +
    'or submit a new ticket.',
} as const;

export type MailKey = keyof typeof enMail;
