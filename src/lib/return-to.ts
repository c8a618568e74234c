/**
 * LOGIN-6: where to go after logging in. Only a path inside this app is kept, so
 * a crafted link cannot send a user to another site.
 */
export function safeReturnTo(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return null;
  if (value.startsWith('/login')) return null;
  return value;
}

export function loginPathFor(returnTo: string): string {
  const safe = safeReturnTo(returnTo);
  return safe && safe !== '/' ? `/login?returnTo=${encodeURIComponent(safe)}` : '/login';
}
