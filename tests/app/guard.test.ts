import { describe, expect, it } from 'vitest';
import type { Session } from '@/api/schemas/session';
import { decide } from '@/app/guard';
import { aliceActive, bindOwed, codeOwed } from '../support/sessions';

const anonymous: Session = { state: 'anonymous' };
const member = aliceActive([
  {
    id: 'ws_demo',
    name: 'Demo Workspace',
    role: 'member',
    mfaRequired: false,
    mfaGraceEndsAt: null,
  },
]);
const agent: Session = {
  state: 'active',
  user: {
    id: 'acc_support',
    email: 'support@example.com',
    name: 'Support',
    kind: 'agent',
    mfaBound: false,
    recoveryCodesLeft: null,
  },
  workspaces: [],
  currentWorkspaceId: null,
};
const at = (path: string) => {
  const [pathname = '', search = ''] = path.split(/(?=\?)/);
  return { pathname, search };
};

describe('route guards as a function of the session (LOGIN-2, LOGIN-6)', () => {
  it.each([anonymous, codeOwed, bindOwed])(
    'send a $state session from a console page to log in, keeping returnTo',
    (session) => {
      expect(decide(session, 'active', at('/w/ws_demo/members'))).toEqual({
        allow: false,
        redirectTo: '/login?returnTo=%2Fw%2Fws_demo%2Fmembers',
      });
    },
  );

  it.each([anonymous, codeOwed, bindOwed])(
    'let a $state session stay on the login page',
    (session) => {
      expect(decide(session, 'login-page', at('/login'))).toEqual({ allow: true });
    },
  );

  it('sends an active session on from the login page to where it was going', () => {
    expect(decide(member, 'login-page', at('/login?returnTo=%2Faccount'))).toEqual({
      allow: false,
      redirectTo: '/account',
    });
  });

  it.each([
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    '/login?x=1',
    // GUARD-3: a tab, newline or space that a URL parser drops would make these protocol-relative.
    '/\t/evil.example',
    '/\n/evil.example',
    '/ /evil.example',
    '/%09/evil.example',
    '/%2509/evil.example',
    '/%5C/evil.example',
    '/%2F/evil.example',
    '/w/ws_demo\u0000',
    '/w/\u202Eevil',
    '/w/%E2%80%AEevil',
    '/%E0%A4%A',
    'javascript:alert(1)',
  ])('never follows a returnTo of %s', (returnTo) => {
    expect(
      decide(member, 'login-page', at(`/login?returnTo=${encodeURIComponent(returnTo)}`)),
    ).toEqual({
      allow: false,
      redirectTo: '/w/ws_demo',
    });
  });

  it.each([
    '/account',
    '/w/ws_demo/members',
    '/tickets?type=bug_report&q=charts+empty',
    '/tickets/t_9',
  ])('follows a returnTo of %s', (returnTo) => {
    expect(
      decide(member, 'login-page', at(`/login?returnTo=${encodeURIComponent(returnTo)}`)),
    ).toEqual({ allow: false, redirectTo: returnTo });
  });

  it('starts afresh after logging out on purpose', () => {
    const end = { reason: 'logged-out' as const, destination: null };
    expect(decide(anonymous, 'active', at('/account'), end)).toEqual({
      allow: false,
      redirectTo: '/login',
    });
    expect(decide(member, 'login-page', at('/login?returnTo=%2Faccount'), end)).toEqual({
      allow: false,
      redirectTo: '/w/ws_demo',
    });
  });

  it('returns to the workspace a switch was headed for, not the page on screen', () => {
    const end = { reason: null, destination: '/w/ws_secure' };
    expect(decide(bindOwed, 'active', at('/w/ws_demo/members'), end)).toEqual({
      allow: false,
      redirectTo: '/login?returnTo=%2Fw%2Fws_secure',
    });
  });

  it('keeps agents and members to their own consoles', () => {
    expect(decide(agent, 'member', at('/w/ws_demo'))).toEqual({
      allow: false,
      redirectTo: '/support',
    });
    expect(decide(member, 'agent', at('/support'))).toEqual({
      allow: false,
      redirectTo: '/w/ws_demo',
    });
    expect(decide(member, 'member', at('/w/ws_demo'))).toEqual({ allow: true });
  });
});
