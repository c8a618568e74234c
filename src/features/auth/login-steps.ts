import type { Session } from '@/api/schemas/session';
import type { SecondFactorMode } from '@/components/second-factor-form';

type CodeOwed = Extract<Session, { state: 'mfa_required' }>;

/**
 * What /login shows, as a function of the session alone (LOGIN-2). The route
 * guards (src/app/guard.ts) send every pending session here, with `returnTo`
 * (LOGIN-6), so this is the whole answer to "what does the login show when
 * a code is owed?".
 */
export type LoginStep =
  /** Anonymous, or not known yet: the password form, with why the last session ended (LOGIN-1). */
  | { step: 'password' }
  /** A code is owed (LOGIN-3): a key, a dynamic code or a recovery code, see `firstSecondFactor` and `offersRememberBrowser`. */
  | { step: 'code'; session: CodeOwed }
  /** A code is owed and the member followed Unbind MFA: the ticket form (TICKET-8). */
  | { step: 'unbind-ticket'; session: CodeOwed }
  /** A binding is owed (LOGIN-4): the bind wizard, inside the login layout. */
  | { step: 'forced-bind'; session: Extract<Session, { state: 'mfa_setup_required' }> }
  /** Active: nothing, as the guard is already leading away from /login. */
  | { step: 'none' };

/**
 * `wantsUnbind`: the page's `?help=unbind-mfa`, which means something only to
 * a session owing its code; anyone else is shown their own step.
 */
export function loginStep(session: Session | undefined, wantsUnbind: boolean): LoginStep {
  // Until the session is known the password form shows: most visits end there anyway.
  if (!session || session.state === 'anonymous') return { step: 'password' };
  if (session.state === 'active') return { step: 'none' };
  if (session.state === 'mfa_setup_required') return { step: 'forced-bind', session };
  return wantsUnbind ? { step: 'unbind-ticket', session } : { step: 'code', session };
}

/** KEY-2: at the code step, an account with a key, in a browser that can use one, is offered the key first. */
export function firstSecondFactor(session: CodeOwed, keysSupported: boolean): SecondFactorMode {
  return session.hasSecurityKey && keysSupported ? 'key' : 'code';
}

/** REMEMBER-1: the code step offers "Don't ask again on this browser" only where every workspace allows it. */
export function offersRememberBrowser(session: CodeOwed): boolean {
  return session.canRememberBrowser === true;
}
