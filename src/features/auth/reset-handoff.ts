/**
 * Forgot password? carries the email typed on the login form to the reset
 * form in the router's state, not in the URL, so the address never lands in
 * the history, a referrer or a server log.
 */
export interface ResetHandoff {
  email: string;
}

export function resetHandoff(email: string): ResetHandoff {
  return { email: email.trim() };
}

/** The email handed over, or nothing for a reset page opened some other way. */
export function emailOfHandoff(state: unknown): string {
  if (typeof state !== 'object' || state === null || !('email' in state)) return '';
  return typeof state.email === 'string' ? state.email : '';
}

/** Whether two typed emails name the same account, as the server compares them. */
export function sameEmail(typed: string, other: string): boolean {
  return typed.trim().toLowerCase() === other.trim().toLowerCase();
}
