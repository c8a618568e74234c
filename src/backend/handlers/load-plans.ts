import { paths } from '@/api/paths';
import type { DomainContext } from '../domain/context';
import { sha256Hex } from '../domain/encoding';
import { TICKET_AUTO_CLOSE_MS, TICKET_RATE_WINDOW_MS } from '../domain/limits';
import type { ServerState } from '../domain/state';
import type { CollectionName } from '../store/collections';
import { ALL_BUT_TICKETS, type LoadPlan, mergePlans, type Pick } from '../store/load-plan';
import type { Key, KeyRange } from '../store/record-backend';

/** What a declaration's stages know of the request besides what is loaded. */
export interface RequestFacts {
  ctx: DomainContext;
  params: Readonly<Record<string, string>>;
  body: unknown;
  /** SHA-256 of the request's session token; null without one. */
  tokenHash: string | null;
  /** The account of the request's session, when its token names a loaded session. */
  accountId: string | null;
}

/** What an endpoint loads (ADR 0017); admission's collections are added by the builder. */
export type EndpointPlan = LoadPlan<RequestFacts>;

/** Every index key that starts with `prefix`, in a compound [prefix, number] index. */
const startingWith = (prefix: Key): KeyRange => ({
  lower: [prefix, -Infinity],
  upper: [prefix, Infinity],
});

const idsOf = (body: unknown): string[] => {
  const ids = (body as { attachmentIds?: unknown } | undefined)?.attachmentIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
};

const auditOf = (accountIds: readonly (string | null | undefined)[]): Pick[] =>
  [...new Set(accountIds)].flatMap((id) =>
    typeof id === 'string'
      ? [{ from: 'audit', index: 'accountAt', range: startingWith(id) } as const]
      : [],
  );

const ticketsOf = (state: ServerState, id: string | undefined) =>
  state.tickets.find((ticket) => ticket.id === id);

/**
 * Settling the caller (the endpoint builder's admission): the session its
 * token names, that session's account and memberships, and the workspaces.
 */
export const ADMISSION_PLAN: EndpointPlan = {
  whole: ['workspaces', 'enrollments'],
  append: ['sessions', 'accounts', 'memberships'],
  pickFrom: ['sessions', 'accounts', 'memberships'],
  stages: [
    (_view, { tokenHash }) =>
      tokenHash === null
        ? []
        : [{ from: 'sessions', index: 'tokenHash', range: { only: tokenHash } }],
    (view) => {
      const accountIds = view.sessions.map((session) => session.accountId);
      return [
        { from: 'accounts', keys: accountIds },
        ...accountIds.map(
          (id) => ({ from: 'memberships', index: 'accountId', range: { only: id } }) as const,
        ),
      ];
    },
  ],
};

/** Every account, to read names from (requesters, authors): never changed. */
const ACCOUNT_NAMES: Pick = { from: 'accounts', all: true, readOnly: true };

/**
 * The tickets settleTickets may close on the way: Feedback Provided ones
 * already due, with their conversations, and what closing them writes.
 */
const SETTLE: EndpointPlan = {
  whole: ['idempotencyKeys'],
  append: ['outbox'],
  pickFrom: ['tickets', 'accounts'],
  stages: [
    (_view, { ctx }) => [
      ACCOUNT_NAMES,
      {
        from: 'tickets',
        index: 'statusFeedback',
        range: {
          lower: ['feedback_provided', -Infinity],
          upper: ['feedback_provided', ctx.now - TICKET_AUTO_CLOSE_MS],
        },
        withSplit: true,
      },
    ],
  ],
};

/** A list: the headers its filter starts from (the domain filters, sorts and pages them). */
const list = (pick: (facts: RequestFacts) => Pick | null): EndpointPlan =>
  mergePlans(SETTLE, {
    pickFrom: ['tickets'],
    stages: [(_view, facts) => [pick(facts)].filter((found) => found !== null)],
  });

const WORKSPACE_LIST = list(({ params }) => ({
  from: 'tickets',
  index: 'workspaceUpdated',
  range: startingWith(params.workspaceId ?? ''),
  readOnly: true,
}));
const MY_LIST = list(({ accountId }) =>
  accountId === null
    ? null
    : {
        from: 'tickets',
        index: 'requesterCreated',
        range: startingWith(accountId),
        readOnly: true,
      },
);
const QUEUE = list(() => ({ from: 'tickets', all: true, readOnly: true }));

/**
 * One ticket with its conversation and attachments, the uploads the body
 * names, and the audit of its requester and of the caller (a step may record one).
 */
const ONE_TICKET: EndpointPlan = mergePlans(SETTLE, {
  pickFrom: ['tickets', 'attachments', 'audit'],
  stages: [
    (_view, { params, body }) => [
      { from: 'tickets', keys: [params.ticketId ?? ''], withSplit: true },
      { from: 'attachments', index: 'ticketId', range: { only: params.ticketId ?? '' } },
      { from: 'attachments', keys: idsOf(body) },
    ],
    (view, { params, accountId }) =>
      auditOf([accountId, ticketsOf(view, params.ticketId)?.requesterId]),
  ],
});

/**
 * One ticket as customer service reviews it: its review signals count the
 * requester's other open Unbind MFA requests (TICKET-11), so the requester's
 * ticket headers are read too, by index and unchanged.
 */
const SUPPORT_TICKET: EndpointPlan = mergePlans(ONE_TICKET, {
  pickFrom: ['tickets'],
  stages: [
    (view, { params }) => {
      const requesterId = ticketsOf(view, params.ticketId)?.requesterId;
      return requesterId === undefined
        ? []
        : [
            {
              from: 'tickets',
              index: 'requesterCreated',
              range: startingWith(requesterId),
              readOnly: true,
            },
          ];
    },
  ],
});

/** An agent unbinding MFA touches the requester's account, sessions, codes and audit. */
const UNBIND_BY_AGENT: EndpointPlan = mergePlans(SUPPORT_TICKET, { whole: ALL_BUT_TICKETS });

const SUBMIT: EndpointPlan = mergePlans(SETTLE, {
  whole: ['emailCodes', 'emailSends'],
  pickFrom: ['tickets', 'attachments', 'audit'],
  stages: [
    (view, { ctx, body, accountId }) => {
      if (accountId === null) return [];
      const replayed = view.idempotencyKeys
        .filter((entry) => entry.accountId === accountId)
        .map((entry) => entry.ticketId);
      return [
        {
          from: 'tickets',
          index: 'requesterCreated',
          range: {
            lower: [accountId, ctx.now - TICKET_RATE_WINDOW_MS],
            upper: [accountId, Infinity],
          },
        },
        { from: 'tickets', keys: replayed },
        { from: 'attachments', keys: idsOf(body) },
        ...auditOf([accountId]),
      ];
    },
  ],
});

const CANCEL_BY_LINK: EndpointPlan = mergePlans(SETTLE, {
  pickFrom: ['tickets', 'audit'],
  stages: [
    (_view, { body }) => {
      const token = (body as { token?: unknown } | undefined)?.token;
      return typeof token === 'string'
        ? [
            {
              from: 'tickets',
              index: 'cancelToken',
              range: { only: sha256Hex(token) },
              withSplit: true,
            },
          ]
        : [];
    },
    (view) => auditOf(view.tickets.map((ticket) => ticket.requesterId)),
  ],
});

const ATTACHMENT: EndpointPlan = mergePlans(SETTLE, {
  pickFrom: ['tickets', 'attachments'],
  stages: [
    (_view, { params }) => [{ from: 'attachments', keys: [params.attachmentId ?? ''] }],
    (view) => [
      {
        from: 'tickets',
        keys: view.attachments.flatMap((attachment) =>
          attachment.ticketId === null ? [] : [attachment.ticketId],
        ),
      },
    ],
  ],
});

/** LOG-1: the caller's security log, read by account and time; its paging is the domain's. */
const OWN_AUDIT: EndpointPlan = {
  pickFrom: ['audit'],
  stages: [(_view, { accountId }) => auditOf([accountId])],
};

const only = (...names: CollectionName[]): EndpointPlan => ({ whole: names, pickFrom: [] });
const NOTHING_BUT_ADMISSION: EndpointPlan = {};
const NO_TICKETS = only(...ALL_BUT_TICKETS);

/**
 * The declarations of the endpoints that have one, by method and path
 * pattern. An endpoint missing here loads everything it could touch: slower
 * as data grows, never wrong. A declared endpoint whose rules touch a
 * collection it did not load fails loudly (NotLoadedError), in its tests.
 */
export const DECLARED_PLANS: Readonly<Record<string, EndpointPlan>> = {
  [`GET ${paths.session.pattern}`]: NOTHING_BUT_ADMISSION,
  [`POST ${paths.session.pattern}`]: NO_TICKETS,
  [`DELETE ${paths.session.pattern}`]: NOTHING_BUT_ADMISSION,
  [`PUT ${paths.sessionWorkspace.pattern}`]: NO_TICKETS,

  // The account, MFA and workspace steps touch no ticket.
  [`POST ${paths.sessionMfa.pattern}`]: NO_TICKETS,
  [`GET ${paths.enrollment.pattern}`]: NO_TICKETS,
  [`POST ${paths.enrollmentEmailCode.pattern}`]: NO_TICKETS,
  [`POST ${paths.enrollmentIdentity.pattern}`]: NO_TICKETS,
  [`POST ${paths.enrollmentSecret.pattern}`]: NO_TICKETS,
  [`POST ${paths.enrollmentSecretRotate.pattern}`]: NO_TICKETS,
  [`POST ${paths.enrollmentConfirm.pattern}`]: NO_TICKETS,
  [`DELETE ${paths.enrollment.pattern}`]: NO_TICKETS,
  [`POST ${paths.unbindMfa.pattern}`]: NO_TICKETS,
  [`POST ${paths.changeAuthenticator.pattern}`]: NO_TICKETS,
  [`POST ${paths.recoveryCodes.pattern}`]: NO_TICKETS,
  [`GET ${paths.accountAudit.pattern}`]: OWN_AUDIT,
  [`GET ${paths.account.pattern}`]: NO_TICKETS,
  // Sessions, retention and passwords (SESSION-1 to SESSION-3, PASSWORD-1, PASSWORD-2).
  [`GET ${paths.accountSessions.pattern}`]: NO_TICKETS,
  [`DELETE ${paths.accountSessions.pattern}`]: NO_TICKETS,
  [`DELETE ${paths.accountSession.pattern}`]: NO_TICKETS,
  [`PUT ${paths.accountRetention.pattern}`]: NO_TICKETS,
  [`POST ${paths.accountPassword.pattern}`]: NO_TICKETS,
  [`POST ${paths.passwordResetEmailCode.pattern}`]: NO_TICKETS,
  [`POST ${paths.passwordReset.pattern}`]: NO_TICKETS,
  [`GET ${paths.workspace.pattern}`]: NO_TICKETS,
  [`GET ${paths.workspaceMembers.pattern}`]: NO_TICKETS,
  [`GET ${paths.workspaceSecurity.pattern}`]: NO_TICKETS,
  [`PUT ${paths.workspaceSecurity.pattern}`]: NO_TICKETS,
  [`DELETE ${paths.workspaceSecurityGrace.pattern}`]: NO_TICKETS,

  [`GET ${paths.ticketEmailCode.pattern}`]: only('emailCodes', 'emailSends'),
  [`POST ${paths.ticketEmailCode.pattern}`]: NO_TICKETS,
  [`POST ${paths.ticketAttachments.pattern}`]: only('attachments'),
  [`GET ${paths.ticketAttachment.pattern}`]: ATTACHMENT,
  [`GET ${paths.tickets.pattern}`]: MY_LIST,
  [`GET ${paths.ticketsExport.pattern}`]: MY_LIST,
  [`GET ${paths.workspaceTickets.pattern}`]: WORKSPACE_LIST,
  [`GET ${paths.workspaceTicketsExport.pattern}`]: WORKSPACE_LIST,
  [`POST ${paths.tickets.pattern}`]: SUBMIT,
  [`GET ${paths.ticket.pattern}`]: ONE_TICKET,
  [`POST ${paths.unbindRequestCancel.pattern}`]: CANCEL_BY_LINK,
  [`POST ${paths.ticketCancel.pattern}`]: ONE_TICKET,
  [`POST ${paths.ticketRestart.pattern}`]: ONE_TICKET,
  [`POST ${paths.ticketClose.pattern}`]: ONE_TICKET,
  [`POST ${paths.ticketReplies.pattern}`]: ONE_TICKET,
  [`POST ${paths.ticketRating.pattern}`]: ONE_TICKET,
  [`GET ${paths.supportTickets.pattern}`]: QUEUE,
  [`GET ${paths.supportTicket.pattern}`]: SUPPORT_TICKET,
  [`POST ${paths.supportTicketAccept.pattern}`]: SUPPORT_TICKET,
  [`POST ${paths.supportTicketClose.pattern}`]: SUPPORT_TICKET,
  [`POST ${paths.supportTicketReplies.pattern}`]: SUPPORT_TICKET,
  [`POST ${paths.supportTicketUnbindMfa.pattern}`]: UNBIND_BY_AGENT,

  [`GET ${paths.devMailbox.pattern}`]: only('outbox'),
  [`GET ${paths.devAuthenticator.pattern}`]: only('accounts'),
  [`GET ${paths.devStatus.pattern}`]: {},
  [`PUT ${paths.devSettings.pattern}`]: {},
  [`DELETE ${paths.devNotice.pattern}`]: {},
  // The members are checked and added whole; the tickets are only added.
  [`POST ${paths.devLargeDemo.pattern}`]: {
    whole: ['accounts', 'memberships', 'workspaces'],
    append: ['tickets'],
  },
};
