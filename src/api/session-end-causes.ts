/**
 * SESSION-1, SESSION-2: why the server ended a session that its own tab did
 * not log out of, so that tab's login page can say so. `signed_out`: Sign out
 * from another session; `password_changed`: a password change or reset;
 * `security_changed`: MFA bound, the authenticator changed, or recovery codes
 * made anew; `customer_service`: an agent unbound the account's MFA.
 */
export const SESSION_END_CAUSES = [
  'signed_out',
  'password_changed',
  'security_changed',
  'customer_service',
] as const;

export type SessionEndCause = (typeof SESSION_END_CAUSES)[number];
