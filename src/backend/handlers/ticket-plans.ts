import { IDEMPOTENCY_KEY_HEADER, idempotencyKeySchema } from '@/api/schemas/tickets';
import { sha256Hex } from '../domain/encoding';
import { TICKET_AUTO_CLOSE_MS, TICKET_RATE_WINDOW_MS } from '../domain/limits';
import type { ServerState } from '../domain/state';
import { type LoadPlan, mergePlans, type Pick } from '../store/load-plan';
import {
  accountsByKey,
  auditOfAccount,
  CALLER_LOG,
  type EndpointPlan,
  keysOfAccount,
  notLoaded,
  rememberedOfAccount,
  type RequestFacts,
  sessionsOfAccount,
  throttleOfEmail,
  underPrefix,
  workspacesByKey,
} from './load-plans';

/**
 * What the ticket endpoints read (ADR 0024). Lists, search and export scan
 * one workspace's ticket headers (or the caller's, or every one for the
 * support queue) and name their requesters: they grow with what they list,
 * and only with that. Paging in the store, by the index's order with a
 * limit, would bound them; the domain filters, sorts and pages today.
 */

const idsOf = (body: unknown): string[] => {
  const ids = (body as { attachmentIds?: unknown } | undefined)?.attachmentIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
};

const ticketOf = (view: ServerState, { params }: RequestFacts) =>
  view.tickets.find((ticket) => ticket.id === params.ticketId);

/**
 * settleTickets runs first in every ticket transaction: it closes the
 * Feedback Provided tickets already due, picked by the (status, feedback
 * time) index with their conversations, and emails their requesters, picked
 * next. It also forgets expired Idempotency-Keys among those loaded: loaded
 * empty here, so only SUBMIT, which reads the caller's key, forgets one.
 */
export const SETTLE: EndpointPlan = {
  append: ['outbox', 'idempotencyKeys'],
  pickFrom: ['tickets', 'accounts'],
  stages: [
    (_view, { ctx }) => [
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
    (view) => [
      accountsByKey(
        notLoaded(
          view.accounts,
          view.tickets.map((ticket) => ticket.requesterId),
        ),
      ),
    ],
  ],
};

/**
 * Who and where the loaded tickets name, for their views: each one's
 * requester and workspace, and the authors of the conversation of the
 * ticket the path names (loaded with it). Last, after every ticket is in.
 * A list changes none of them, so it reads them from the frozen copy of
 * their stores (ADR 0017): one read of each store per change to it, where
 * a read per key cost a list of 10,000 tickets from 500 requesters 500
 * reads. Anything else may change them, so it reads them to write.
 */
const ticketNames = (readOnly: boolean): EndpointPlan => ({
  pickFrom: ['accounts', 'workspaces'],
  stages: [
    (view, facts) => {
      const authors = (ticketOf(view, facts)?.entries ?? []).flatMap((entry) =>
        entry.kind === 'message' ? [entry.authorId] : [],
      );
      return [
        accountsByKey(
          notLoaded(view.accounts, [
            ...view.tickets.map((ticket) => ticket.requesterId),
            ...authors,
          ]),
        ),
        workspacesByKey(
          notLoaded(
            view.workspaces,
            view.tickets.map((ticket) => ticket.workspaceId),
          ),
        ),
      ].map((pick) => (readOnly ? { ...pick, readOnly } : pick));
    },
  ],
});
const TICKET_NAMES = ticketNames(false);

/** A list: the headers it starts from, read-only (the domain filters, sorts and pages them). */
const list = (rows: (view: ServerState, facts: RequestFacts) => Pick | null): EndpointPlan =>
  mergePlans(
    SETTLE,
    {
      pickFrom: ['tickets'],
      stages: [(view, facts) => [rows(view, facts)].filter((pick) => pick !== null)],
    },
    ticketNames(true),
  );

/** TICKET-1: All Tickets of a workspace and its export; a caller who is no member reads no row. */
export const WORKSPACE_LIST = list((view, { params, accountId }) =>
  view.memberships.some(
    (membership) =>
      membership.accountId === accountId && membership.workspaceId === params.workspaceId,
  )
    ? {
        from: 'tickets',
        index: 'workspaceUpdated',
        range: underPrefix(params.workspaceId ?? ''),
        readOnly: true,
      }
    : null,
);

/** TICKET-1: My Tickets and its export, by the requester index. */
export const MY_LIST = list((_view, { accountId }) =>
  accountId === null
    ? null
    : { from: 'tickets', index: 'requesterCreated', range: underPrefix(accountId), readOnly: true },
);

/** TICKET-7: the support queue is every workspace's tickets; anyone but an agent reads none. */
export const QUEUE = list((view, { accountId }) =>
  view.accounts.some((account) => account.id === accountId && account.kind === 'agent')
    ? { from: 'tickets', all: true, readOnly: true }
    : null,
);

/**
 * One ticket with its conversation, its attachments (every one a message
 * names is claimed by it, so its ticketId is this ticket), and the uploads
 * the body names (usableAttachments checks each is the actor's and unused).
 * A requester's steps record nothing in the security log, so none is read.
 */
const THE_TICKET: EndpointPlan = {
  pickFrom: ['tickets', 'attachments'],
  stages: [
    (_view, { params, body }) => [
      { from: 'tickets', keys: [params.ticketId ?? ''], withSplit: true },
      { from: 'attachments', index: 'ticketId', range: { only: params.ticketId ?? '' } },
      { from: 'attachments', keys: idsOf(body) },
    ],
  ],
};

export const ONE_TICKET = mergePlans(SETTLE, THE_TICKET, TICKET_NAMES);

/**
 * One ticket as customer service reviews it (TICKET-11): for an Unbind MFA
 * request only, the requester's security log (wrong codes in the last day)
 * and their ticket headers, read-only (the count of their other open
 * requests). It grows with that requester's tickets, not with anyone else's.
 */
export const SUPPORT_TICKET = mergePlans(
  SETTLE,
  THE_TICKET,
  {
    pickFrom: ['tickets', 'audit'],
    stages: [
      (view, facts) => {
        const ticket = ticketOf(view, facts);
        if (ticket?.type !== 'unbind_mfa') return [];
        return [
          auditOfAccount(ticket.requesterId),
          {
            from: 'tickets',
            index: 'requesterCreated',
            range: underPrefix(ticket.requesterId),
            readOnly: true,
          },
        ];
      },
    ],
  },
  TICKET_NAMES,
);

/**
 * TICKET-9: an agent unbinding the requester's MFA checks the agent's own
 * code (their log), and ends every session of the requester, drops every
 * bind wizard of theirs (keyed by those sessions) and reopens their
 * password entry (the throttle of their email), and removes their security
 * keys (KEY-4). The requester's account comes first, for its email.
 */
export const UNBIND_BY_AGENT = mergePlans(SUPPORT_TICKET, CALLER_LOG, {
  pickFrom: [
    'accounts',
    'sessions',
    'enrollments',
    'loginThrottle',
    'rememberedBrowsers',
    'securityKeys',
  ],
  stages: [
    (view, facts) => {
      const requesterId = ticketOf(view, facts)?.requesterId;
      return requesterId === undefined
        ? []
        : [
            accountsByKey(notLoaded(view.accounts, [requesterId])),
            sessionsOfAccount(requesterId),
            // REMEMBER-1: an unbind forgets the requester's remembered browsers.
            rememberedOfAccount(requesterId),
            keysOfAccount(requesterId),
          ];
    },
    (view, facts) => {
      const requesterId = ticketOf(view, facts)?.requesterId;
      const requester = view.accounts.find((account) => account.id === requesterId);
      if (!requester) return [];
      return [
        throttleOfEmail(requester.email),
        {
          from: 'enrollments',
          keys: view.sessions
            .filter((session) => session.accountId === requester.id)
            .map((session) => session.id),
        },
      ];
    },
  ],
});

const isUnbindRequest = (body: unknown) =>
  (body as { type?: unknown } | undefined)?.type === 'unbind_mfa';

/**
 * TICKET-2 to TICKET-4: the caller's Idempotency-Key record, by its key
 * [account, key], and the ticket it made; the caller's tickets of the last
 * hour (GUARD-5's count), by the requester index; the uploads the body
 * names; and for an Unbind MFA request, the ticket email code by its key and
 * the caller's security log. The new ticket's number comes from the meta
 * record's sequence, so no other ticket is needed.
 */
export const SUBMIT = mergePlans(SETTLE, {
  pickFrom: ['idempotencyKeys', 'tickets', 'attachments', 'emailCodes', 'audit'],
  stages: [
    (_view, { ctx, body, headers, accountId }) => {
      if (accountId === null) return [];
      // Read by the schema the run judges it with, so it names the record the run looks for.
      const key = idempotencyKeySchema.safeParse(headers.get(IDEMPOTENCY_KEY_HEADER));
      return [
        { from: 'idempotencyKeys', keys: key.success ? [[accountId, key.data]] : [] },
        {
          from: 'tickets',
          index: 'requesterCreated',
          range: {
            lower: [accountId, ctx.now - TICKET_RATE_WINDOW_MS],
            upper: [accountId, Infinity],
          },
        },
        { from: 'attachments', keys: idsOf(body) },
        ...(isUnbindRequest(body)
          ? [
              { from: 'emailCodes', keys: [[accountId, 'ticket']] } as const,
              auditOfAccount(accountId),
            ]
          : []),
      ];
    },
    (view) => [{ from: 'tickets', keys: view.idempotencyKeys.map((entry) => entry.ticketId) }],
  ],
});

/**
 * TICKET-12: the ticket the link's token names, by the index of its hash,
 * with its conversation; then its requester's security log and account.
 */
export const CANCEL_BY_LINK = mergePlans(
  SETTLE,
  {
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
      (view) => [...new Set(view.tickets.map((ticket) => ticket.requesterId))].map(auditOfAccount),
    ],
  },
  TICKET_NAMES,
);

/** TICKET-3: one attachment by its key, and the ticket that uses it (whether the caller may read it). */
export const ATTACHMENT = mergePlans(SETTLE, {
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

/**
 * TICKET-3: an upload counts the caller's unused ones (the cap), by the owner
 * index. The purge on the way forgets the caller's expired ones only: the
 * others' wait for their owner's next upload (an index of unused uploads by
 * time would let one request sweep them all).
 */
export const CALLER_UPLOADS: EndpointPlan = {
  pickFrom: ['attachments'],
  stages: [
    (_view, { accountId }) =>
      accountId === null
        ? []
        : [{ from: 'attachments', index: 'ownerId', range: { only: accountId } }],
  ],
};

/** One upload by its id: what taking it back reads when its bytes could not be stored. */
export const uploadById = (attachmentId: string): LoadPlan<unknown> => ({
  pickFrom: ['attachments'],
  stages: [() => [{ from: 'attachments', keys: [attachmentId] }]],
});
