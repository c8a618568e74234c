import { describe, expect, it } from 'vitest';
import type { Session } from '@/api/schemas/session';
import { firstSecondFactor, loginStep, offersRememberBrowser } from '@/features/auth/login-steps';
import { aliceActive, bindOwed, codeOwed } from '../support/sessions';

const anonymous: Session = { state: 'anonymous', endedBy: 'signed_out' };
const active = aliceActive();

describe('what /login shows for each session state (LOGIN-2)', () => {
  it('shows the password form while the session is not known yet', () => {
    expect(loginStep(undefined, false)).toEqual({ step: 'password' });
  });

  it('shows the password form to an anonymous session, even one asking for the Unbind MFA ticket', () => {
    expect(loginStep(anonymous, false)).toEqual({ step: 'password' });
    expect(loginStep(anonymous, true)).toEqual({ step: 'password' });
  });

  it('asks a session owing its code for the code (LOGIN-3)', () => {
    expect(loginStep(codeOwed, false)).toEqual({ step: 'code', session: codeOwed });
  });

  it('opens the Unbind MFA ticket for a session owing its code that asked for it (TICKET-8)', () => {
    expect(loginStep(codeOwed, true)).toEqual({ step: 'unbind-ticket', session: codeOwed });
  });

  it('runs the bind wizard for a session owing a binding, ticket or not (LOGIN-4)', () => {
    expect(loginStep(bindOwed, false)).toEqual({ step: 'forced-bind', session: bindOwed });
    expect(loginStep(bindOwed, true)).toEqual({ step: 'forced-bind', session: bindOwed });
  });

  it('shows nothing to an active session, which the guard leads away', () => {
    expect(loginStep(active, false)).toEqual({ step: 'none' });
  });
});

describe('the code step', () => {
  const withKey = { ...codeOwed, hasSecurityKey: true };

  it('offers a key first only to an account with one, in a browser that can use it (KEY-2)', () => {
    expect(firstSecondFactor(withKey, true)).toBe('key');
    expect(firstSecondFactor(withKey, false)).toBe('code');
    expect(firstSecondFactor(codeOwed, true)).toBe('code');
  });

  it('offers to remember the browser only when the session says every workspace allows it (REMEMBER-1)', () => {
    expect(offersRememberBrowser({ ...codeOwed, canRememberBrowser: true })).toBe(true);
    expect(offersRememberBrowser({ ...codeOwed, canRememberBrowser: false })).toBe(false);
    expect(offersRememberBrowser(codeOwed)).toBe(false);
  });
});
