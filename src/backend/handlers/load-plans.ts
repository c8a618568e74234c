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
export const SETTLE: EndpointPlan = {
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

export const WORKSPACE_LIST = list(({ params }) => ({
  from: 'tickets',
  index: 'workspaceUpdated',
  range: startingWith(params.workspaceId ?? ''),
  readOnly: true,
}));
export const MY_LIST = list(({ accountId }) =>
  accountId === null
    ? null
    : {
        from: 'tickets',
        index: 'requesterCreated',
        range: startingWith(accountId),
        readOnly: true,
      },
);
export const QUEUE = list(() => ({ from: 'tickets', all: true, readOnly: true }));

/**
 * One ticket with its conversation and attachments, the uploads the body
 * names, and the audit of its requester and of the caller (a step may record one).
 */
export const ONE_TICKET: EndpointPlan = mergePlans(SETTLE, {
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
export const SUPPORT_TICKET: EndpointPlan = mergePlans(ONE_TICKET, {
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
export const UNBIND_BY_AGENT: EndpointPlan = mergePlans(SUPPORT_TICKET, { whole: ALL_BUT_TICKETS });

export const SUBMIT: EndpointPlan = mergePlans(SETTLE, {
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

export const CANCEL_BY_LINK: EndpointPlan = mergePlans(SETTLE, {
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

export const ATTACHMENT: EndpointPlan = mergePlans(SETTLE, {
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
export const OWN_AUDIT: EndpointPlan = {
  pickFrom: ['audit'],
  stages: [(_view, { accountId }) => auditOf([accountId])],
};

/** Some collections whole, nothing picked: for the dev tools, which look at all of them. */
export const only = (...names: CollectionName[]): EndpointPlan => ({ whole: names, pickFrom: [] });
/** What settling the caller loads is all the operation reads. */
export const CALLER_ONLY: EndpointPlan = {};
/**
 * The meta record alone, which every transaction loads: the dev settings,
 * the notice and the ticket sequence.
 */
export const SETTINGS_ONLY: LoadPlan<unknown> = {};

/** One upload by its id: what taking it back reads when its bytes could not be stored. */
export const uploadById = (attachmentId: string): LoadPlan<unknown> => ({
  append: ['attachments'],
  pickFrom: ['attachments'],
  stages: [() => [{ from: 'attachments', keys: [attachmentId] }]],
});
/** MOCK-8: a batch of the large demo checks and adds the members whole; the tickets are only added. */
export const LARGE_DEMO_BATCH: EndpointPlan = {
  whole: ['accounts', 'memberships', 'workspaces'],
  append: ['tickets'],
};
/** Every collection but the tickets, whole: what the account, MFA and workspace steps read. */
export const NO_TICKETS = only(...ALL_BUT_TICKETS);
