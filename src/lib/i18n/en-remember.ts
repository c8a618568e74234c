/**
 * English for remembered browsers (REMEMBER-1): the login checkbox, the list
 * in Security Settings, the workspace switch and their security log lines.
 * Spread into the English catalogue.
 */
export const enRemember = {
  'remember.checkbox': "Don't ask again on this browser for 30 days",
  'remember.checkboxHint': 'Your password is still needed. Only on a browser that is yours.',
  'remember.signedIn': 'Signed in on a remembered browser: no code was needed.',
  'remember.manage': 'Manage remembered browsers',
  'remember.dismiss': 'Dismiss',
  'remember.title': 'Remembered browsers',
  'remember.description':
    'These browsers skip the dynamic code at login for 30 days. The password is still needed. Changing your password or MFA, or signing out all other sessions, forgets them all.',
  'remember.empty':
    'No browser is remembered. Tick "Don\'t ask again on this browser" at the code step to add one.',
  'remember.current': 'This browser',
  'remember.rememberedAt': 'Remembered {time}',
  'remember.lastUsed': 'Last used {time}',
  'remember.expiresAt': 'Asks again from {time}',
  'remember.forget': 'Forget',
  'remember.forgetOne': 'Forget {device}, remembered {time}',
  'remember.forgotten': 'Browser forgotten. It will ask for the code at the next login.',
  'remember.policyTitle': 'Remembered browsers',
  'remember.policyLabel': 'Allow members to skip the code on a remembered browser for 30 days',
  'remember.policyDescription':
    'Members may choose "Don\'t ask again on this browser" at login. It applies only to members whose every workspace allows it, and the password is still needed.',
  'remember.policyLocked':
    'A Secure Workspace asks for the code at every login: this stays off and cannot be switched on.',
  'remember.policyOn': 'Members may now skip the code on a remembered browser.',
  'remember.policyOff':
    'Remembered browsers are off: members are asked for the code at every login.',
  'errors.SECURE_WORKSPACE_POLICY': 'A Secure Workspace keeps remembered browsers off.',
  'audit.signin.remembered_browser': 'Signed in with password on a remembered browser',
  'audit.browser.remembered': 'Browser remembered for 30 days',
  'audit.browser.forgotten': 'Remembered browser forgotten',
  'audit.browser.forgotten.password_changed':
    'Remembered browsers forgotten ({count}): password changed',
  'audit.browser.forgotten.password_reset':
    'Remembered browsers forgotten ({count}): password reset',
  'audit.browser.forgotten.mfa_bound': 'Remembered browsers forgotten ({count}): MFA bound',
  'audit.browser.forgotten.mfa_unbound': 'Remembered browsers forgotten ({count}): MFA unbound',
  'audit.browser.forgotten.authenticator_changed':
    'Remembered browsers forgotten ({count}): authenticator changed',
  'audit.browser.forgotten.security_key_changed':
    'Remembered browsers forgotten ({count}): security keys changed',
  'audit.browser.forgotten.signed_out_others':
    'Remembered browsers forgotten ({count}): all other sessions signed out',
  'audit.workspace.remembered_browsers_on': 'Remembered browsers allowed in {workspace}',
  'audit.workspace.remembered_browsers_off': 'Remembered browsers switched off in {workspace}',
};
