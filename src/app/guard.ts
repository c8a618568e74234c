import { appPaths, RETURN_TO_PARAM } from '@/api/app-paths';
import type { Session } from '@/api/schemas/session';
import { loginPathFor, safeReturnTo } from '@/features/auth/return-to';
import type { SessionEnd } from '@/features/auth/session-end';
import { homePathFor } from './home-path';

/** What a route needs from the session. */
export type Requirement = 'login-page' | 'member' | 'agent' | 'active';

export type GuardDecision = { allow: true } | { allow: false; redirectTo: string };

/**
 * HOUSE rule 3: route guards are a function of the session state. A pending
 * session (code owed, bind owed) reaches nothing but the login page, and the
 * place the user was going travels along as `returnTo` (LOGIN-6).
 */
export function decide(
  session: Session,
  requirement: Requirement,
  location: { pathname: string; search: string },
  end: { reason: SessionEnd; destination: string | null } = { reason: null, destination: null },
): GuardDecision {
  const here = end.destination ?? `${location.pathname}${location.search}`;
  const endReason = end.reason;
  if (requirement === 'login-page') {
    if (session.state !== 'active') return { allow: true };
    // Someone who logged out, or backed out of a pending step, starts afresh.
    const returnTo =
      endReason === 'logged-out'
        ? null
        : safeReturnTo(new URLSearchParams(location.search).get(RETURN_TO_PARAM));
    return { allow: false, redirectTo: returnTo ?? homePathFor(session) };
  }
  if (session.state !== 'active') {
    // After logging out on purpose, the next login starts afresh rather than where this user was.
    return {
      allow: false,
      redirectTo: endReason === 'logged-out' ? appPaths.login.href : loginPathFor(here),
    };
  }
  if (requirement === 'agent' && session.user.kind !== 'agent')
    return { allow: false, redirectTo: homePathFor(session) };
  if (requirement === 'member' && session.user.kind !== 'member')
    return { allow: false, redirectTo: homePathFor(session) };
  return { allow: true };
}
