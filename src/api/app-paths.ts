/**
 * Every URL of this app that a link, a navigation or a redirect leads to
 * (HOUSE rule 12), as src/api/paths.ts is for the API: `pattern` is what the
 * router matches, `href` where a link goes, the path itself when it has no
 * parameters and a function of them when it has.
 *
 * It lives in the contract (src/api) because both sides read it: the app's
 * router and links, and the backend's emails, which link to the password reset
 * and to the cancelling of an Unbind MFA request. src/api is the one layer that
 * features, the app, the backend and both hosts may all import (docs/decisions/0014).
 */

/** A path without parameters links to itself. */
function fixed<const P extends string>(path: P): { readonly pattern: P; readonly href: P } {
  return { pattern: path, href: path };
}

/** An id becomes one path segment whatever it holds, as the router decodes it back. */
const segment = encodeURIComponent;

export const appPaths = {
  home: fixed('/'),
  login: fixed('/login'),
  /** PASSWORD-2: Forgot password?, also where the lockout emails point. */
  passwordReset: fixed('/password-reset'),
  /** TICKET-12: where the link in an Unbind MFA request's notice email leads. */
  unbindRequestCancel: fixed('/unbind-requests/cancel'),
  account: fixed('/account'),
  bindMfa: fixed('/account/mfa/bind'),
  /** RECOVERY-4. */
  changeAuthenticator: fixed('/account/mfa/change'),
  tickets: fixed('/tickets'),
  submitTicket: fixed('/tickets/new'),
  ticket: {
    pattern: '/tickets/:ticketId',
    href: (ticketId: string) => `/tickets/${segment(ticketId)}`,
  },
  workspace: {
    pattern: '/w/:workspaceId',
    href: (workspaceId: string) => `/w/${segment(workspaceId)}`,
  },
  workspaceMembers: {
    pattern: '/w/:workspaceId/members',
    href: (workspaceId: string) => `/w/${segment(workspaceId)}/members`,
  },
  workspaceSecurity: {
    pattern: '/w/:workspaceId/settings/security',
    href: (workspaceId: string) => `/w/${segment(workspaceId)}/settings/security`,
  },
  supportQueue: fixed('/support'),
  supportTicket: {
    pattern: '/support/tickets/:ticketId',
    href: (ticketId: string) => `/support/tickets/${segment(ticketId)}`,
  },
  devTools: fixed('/dev'),
  devMailbox: fixed('/dev/mailbox'),
} as const;

/** Files the app serves as they are (public/), not pages of the router. */
export const staticFiles = {
  /** TICKET-4: the application form a Change Owner Account ticket attaches, signed. */
  changeOwnerFormTemplate: (language: 'en' | 'zh-CN') =>
    `/templates/change-owner-application-form.${language}.txt`,
} as const;

/** The query parameter that says where to go once a page is done (LOGIN-6, BIND-7). */
export const RETURN_TO_PARAM = 'returnTo';

/** A link to `href` that brings the user back to `returnTo` once that page is done. */
export function returningTo(href: string, returnTo: string): string {
  return `${href}?${RETURN_TO_PARAM}=${encodeURIComponent(returnTo)}`;
}
