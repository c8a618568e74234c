/** URL paths of the HTTP contract, shared by the client and the mock backend. */
export const API = '/api/v1';
export const DEV_API = '/api/dev';

/** The `:name` parameters of a route pattern, in order. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? [Name, ...ParamNames<Rest>]
  : P extends `${string}:${infer Name}`
    ? [Name]
    : [];

/** One string per parameter name. */
type ValuesFor<Names extends string[]> = { [K in keyof Names]: string };

/** A path without parameters is its own href; one with parameters fills them in, in order. */
type Href<P extends string> =
  ParamNames<P> extends [] ? P : (...values: ValuesFor<ParamNames<P>>) => string;

/**
 * One endpoint of the contract: `pattern` is what the server matches
 * (`/api/v1/tickets/:ticketId`), `href` what a client requests.
 */
export interface ApiPath<P extends string> {
  readonly pattern: P;
  readonly href: Href<P>;
}

function apiPath<const P extends string>(pattern: P): ApiPath<P> {
  const names = pattern.match(/:\w+/g) ?? [];
  const href =
    names.length === 0
      ? pattern
      : (...values: string[]) => {
          let index = 0;
          return pattern.replace(/:\w+/g, () => encodeURIComponent(values[index++] ?? ''));
        };
  return { pattern, href: href as Href<P> };
}

export const paths = {
  session: apiPath(`${API}/session`),
  sessionWorkspace: apiPath(`${API}/session/workspace`),
  sessionMfa: apiPath(`${API}/session/mfa`),
  account: apiPath(`${API}/account`),
  accountAudit: apiPath(`${API}/account/audit`),
  accountSessions: apiPath(`${API}/account/sessions`),
  accountSession: apiPath(`${API}/account/sessions/:sessionId`),
  accountRetention: apiPath(`${API}/account/retention`),
  accountPassword: apiPath(`${API}/account/password`),
  rememberedBrowsers: apiPath(`${API}/account/remembered-browsers`),
  rememberedBrowser: apiPath(`${API}/account/remembered-browsers/:browserId`),
  passwordResetEmailCode: apiPath(`${API}/password-reset/email-code`),
  passwordReset: apiPath(`${API}/password-reset`),
  unbindMfa: apiPath(`${API}/account/mfa/unbind`),
  changeAuthenticator: apiPath(`${API}/account/mfa/change`),
  recoveryCodes: apiPath(`${API}/account/mfa/recovery-codes`),
  securityKeys: apiPath(`${API}/account/security-keys`),
  securityKey: apiPath(`${API}/account/security-keys/:keyId`),
  securityKeyRemove: apiPath(`${API}/account/security-keys/:keyId/remove`),
  securityKeyRegistrationOptions: apiPath(`${API}/account/security-keys/registration-options`),
  securityKeyStepUpOptions: apiPath(`${API}/account/security-keys/step-up-options`),
  sessionMfaKeyOptions: apiPath(`${API}/session/mfa/security-key-options`),
  enrollment: apiPath(`${API}/mfa/enrollment`),
  enrollmentEmailCode: apiPath(`${API}/mfa/enrollment/email-code`),
  enrollmentIdentity: apiPath(`${API}/mfa/enrollment/identity`),
  enrollmentSecret: apiPath(`${API}/mfa/enrollment/secret`),
  enrollmentSecretRotate: apiPath(`${API}/mfa/enrollment/secret/rotate`),
  enrollmentConfirm: apiPath(`${API}/mfa/enrollment/confirm`),
  workspace: apiPath(`${API}/workspaces/:workspaceId`),
  workspaceMembers: apiPath(`${API}/workspaces/:workspaceId/members`),
  workspaceMfaPosture: apiPath(`${API}/workspaces/:workspaceId/mfa-posture`),
  workspaceSecurity: apiPath(`${API}/workspaces/:workspaceId/security`),
  workspaceSecurityGrace: apiPath(`${API}/workspaces/:workspaceId/security/grace`),
  workspaceRememberPolicy: apiPath(`${API}/workspaces/:workspaceId/security/remembered-browsers`),
  workspaceTickets: apiPath(`${API}/workspaces/:workspaceId/tickets`),
  workspaceTicketsExport: apiPath(`${API}/workspaces/:workspaceId/tickets/export`),
  tickets: apiPath(`${API}/tickets`),
  ticketsExport: apiPath(`${API}/tickets/export`),
  ticketEmailCode: apiPath(`${API}/tickets/email-code`),
  unbindRequestCancel: apiPath(`${API}/unbind-requests/cancel`),
  ticketAttachments: apiPath(`${API}/tickets/attachments`),
  ticketAttachment: apiPath(`${API}/tickets/attachments/:attachmentId`),
  ticket: apiPath(`${API}/tickets/:ticketId`),
  ticketCancel: apiPath(`${API}/tickets/:ticketId/cancel`),
  ticketRestart: apiPath(`${API}/tickets/:ticketId/restart`),
  ticketClose: apiPath(`${API}/tickets/:ticketId/close`),
  ticketReplies: apiPath(`${API}/tickets/:ticketId/replies`),
  ticketRating: apiPath(`${API}/tickets/:ticketId/rating`),
  supportTickets: apiPath(`${API}/support/tickets`),
  supportTicket: apiPath(`${API}/support/tickets/:ticketId`),
  supportTicketAccept: apiPath(`${API}/support/tickets/:ticketId/accept`),
  supportTicketReplies: apiPath(`${API}/support/tickets/:ticketId/replies`),
  supportTicketClose: apiPath(`${API}/support/tickets/:ticketId/close`),
  supportTicketUnbindMfa: apiPath(`${API}/support/tickets/:ticketId/unbind-mfa`),
  devMailbox: apiPath(`${DEV_API}/mailbox`),
  devAuthenticator: apiPath(`${DEV_API}/authenticator`),
  devStatus: apiPath(`${DEV_API}/status`),
  devSettings: apiPath(`${DEV_API}/settings`),
  devNotice: apiPath(`${DEV_API}/notice`),
  devReset: apiPath(`${DEV_API}/reset`),
  devLargeDemo: apiPath(`${DEV_API}/large-demo`),
} as const;
