import { useLocation } from 'react-router-dom';

/**
 * The email typed on the login page, carried to Forgot password? in the
 * history entry's state: the user need not type it again, and it stays out
 * of the address (and so out of logs and the Referer).
 */
interface CarriedEmail {
  email: string;
}

export function carryEmail(email: string): CarriedEmail | undefined {
  const trimmed = email.trim();
  return trimmed ? { email: trimmed } : undefined;
}

export function useCarriedEmail(): string {
  const { state } = useLocation() as { state: unknown };
  if (typeof state === 'object' && state !== null && 'email' in state) {
    const { email } = state as Partial<CarriedEmail>;
    if (typeof email === 'string') return email;
  }
  return '';
}
