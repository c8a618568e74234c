/** English for recovery codes and changing the authenticator (RECOVERY-*), spread into the English catalogue. */
export const enRecovery = {
  'bind.step4': 'Save recovery codes',
  'recovery.title': 'Save your recovery codes',
  'recovery.text':
    'If you lose your phone, each of these codes lets you sign in once instead of a dynamic code. They are shown only now: keep them somewhere safe, away from your phone.',
  'recovery.listLabel': 'Your recovery codes',
  'recovery.copy': 'Copy',
  'recovery.copied': 'Recovery codes copied.',
  'recovery.copyFailed': 'Copying failed. Select the codes and copy them by hand.',
  'recovery.download': 'Download .txt',
  'recovery.print': 'Print',
  'recovery.saved': 'I have saved my recovery codes',
  'recovery.savedRequired': 'Tick the box once your recovery codes are saved.',
  'recovery.finish': 'Finish',
  'recovery.fileTitle': '{brand} recovery codes for {email}',
  'recovery.fileIntro':
    'Each code works once, instead of a dynamic code from your authenticator app. Made on {date}.',
  'recovery.use': 'Use a recovery code',
  'recovery.useApp': 'Use a dynamic code instead',
  'recovery.label': 'Recovery code',
  'recovery.hint':
    '10 letters and digits, like abcde-12345. Dashes, spaces and case do not matter.',
  'recovery.malformed': 'A recovery code has 10 letters and digits, like abcde-12345.',
  'recovery.invalid':
    'That recovery code is not right, or it was used already. Check it, or try another of your codes.',
  'recovery.challengeTitle': 'Enter a recovery code',
  'recovery.newTitle': 'Save your new recovery codes',
  'recovery.challengeSubtitle':
    'Enter one of the recovery codes you saved when you bound MFA for {email}. Each code works once.',
  'recovery.lostBoth': 'No phone and no recovery codes?',
  'recovery.usedNotice': 'You signed in with a recovery code. {count} recovery codes are left.',
  'recovery.usedNotice.one': 'You signed in with a recovery code. {count} recovery code is left.',
  'recovery.makeNew': 'Make new recovery codes',
  'recovery.withoutApp':
    'No authenticator app at hand? Change it with a recovery code, then make new recovery codes with the new app:',
  'recovery.withApp': 'Still have your app?',
  'recovery.dismiss': 'Dismiss',
  'recovery.rowTitle': 'Recovery codes',
  'recovery.rowDescription': 'One-time codes for signing in when you do not have your phone.',
  'recovery.rowLeft': '{count} left',
  'recovery.rowLow': 'Only {count} recovery codes left. Make a new set before you run out.',
  'recovery.rowLow.one': 'Only {count} recovery code left. Make a new set before you run out.',
  'recovery.rowEmpty':
    'No recovery codes left. Make a new set, or you will need customer service if you lose your phone.',
  'recovery.regenerate': 'Regenerate',
  'recovery.regenerateTitle': 'Make new recovery codes',
  'recovery.regenerateText':
    'Enter the current 6-digit dynamic code from your authenticator app. Your current recovery codes stop working at once.',
  'recovery.regenerated': 'New recovery codes were made. The old ones no longer work.',
  'account.changeAuthenticator': 'Change authenticator',
  'change.title': 'Change authenticator',
  'change.steps': 'Steps to change the authenticator',
  'change.step1': 'Verify current app',
  'change.proveTitle': 'Prove it is you',
  'change.proveText':
    'Enter the 6-digit dynamic code your current authenticator app shows. Lost that phone? Use a recovery code instead.',
  'change.keepsWorking': 'Your current app keeps working until the new one is confirmed.',
  'change.cancel': 'Cancel change',
  'change.expiredNotice':
    'The QR code expired after 10 minutes without a code. Prove it is you again to get a new one, and delete the old entry from your new authenticator app.',
  'change.doneTitle': 'Authenticator changed',
  'change.newCodesText':
    'Used a recovery code to get here? Make a new set now, with the next code your new app shows (the one you just entered is spent).',
  'change.doneText':
    'Logging in now asks for the code of your new app; the old one no longer works. Your recovery codes did not change. We sent you an email about it.',
  'audit.session.endedAuthenticatorChanged':
    '{count} other sessions signed out: the authenticator app was changed',
  'audit.session.endedAuthenticatorChanged.one':
    '{count} other session signed out: the authenticator app was changed',
  'audit.session.endedRecoveryCodes': '{count} other sessions signed out: new recovery codes made',
  'audit.session.endedRecoveryCodes.one':
    '{count} other session signed out: new recovery codes made',
  'audit.mfa.changed': 'Authenticator app changed',
  'audit.mfa.recovery_codes_generated': 'New recovery codes made',
  'audit.mfa.recovery_code_used': 'Recovery code used',
} as const;
