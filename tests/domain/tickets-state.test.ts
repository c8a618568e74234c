import { beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS } from '@/api/limits';
import { TICKET_STATUSES, type TicketStatus } from '@/api/schemas/tickets';
import type { DomainContext } from '@/backend/domain/context';
import type { ServerState, SessionRecord } from '@/backend/domain/state';
import { settleTickets } from '@/backend/domain/ticket-clock';
import { myTickets } from '@/backend/domain/ticket-queries';
import { requesterActions, type TicketTransition } from '@/backend/domain/ticket-status';
import {
  acceptTicket,
  cancelTicket,
  closeAsAgent,
  closeAsRequester,
  rateTicket,
  replyAsAgent,
  replyAsRequester,
  restartTicket,
} from '@/backend/domain/tickets';
import { createTestServer, type TestServer } from '../support/domain-server';
import { fileTicket, refusalOf, sessionFor, sessionIn, ticketIn } from '../support/tickets';

let t: TestServer;
let alice: string;
let support: string;

beforeEach(async () => {
  t = createTestServer();
  alice = await sessionFor(t.server, 'alice@example.com');
  support = await sessionFor(t.server, 'support@example.com');
});

/**
 * TICKET-5: where each action a person takes leads from each status, as the
 * spec states it; the test below runs every action from every status through
 * the core. (Unbinding MFA and the automatic close have tests of their own.)
 */
const EXPECTED: Record<
  Exclude<TicketTransition, 'unbind_mfa' | 'auto_close'>,
  Partial<Record<TicketStatus, TicketStatus>>
> = {
  cancel: { waiting_assignment: 'canceled' },
  restart: { canceled: 'waiting_assignment' },
  reply: {
    waiting_assignment: 'waiting_assignment',
    waiting_feedback: 'waiting_feedback',
    feedback_provided: 'waiting_feedback',
  },
  close: { waiting_feedback: 'closed', feedback_provided: 'closed' },
  accept: { waiting_assignment: 'waiting_feedback' },
  agent_reply: { waiting_feedback: 'feedback_provided', feedback_provided: 'feedback_provided' },
  agent_close: { waiting_feedback: 'closed', feedback_provided: 'closed' },
};

type Operation = (
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  ticketId: string,
) => unknown;

const REPLY = { body: 'More detail: it happens every morning.', attachmentIds: [] };

/** Every action a person can take, with who takes it. */
const OPERATIONS: Record<string, { by: 'requester' | 'agent'; run: Operation }> = {
  cancel: { by: 'requester', run: (s, c, session, id) => cancelTicket(s, c, session, id) },
  restart: { by: 'requester', run: (s, c, session, id) => restartTicket(s, c, session, id) },
  reply: {
    by: 'requester',
    run: (s, c, session, id) => replyAsRequester(s, c, session, id, REPLY),
  },
  close: { by: 'requester', run: (s, c, session, id) => closeAsRequester(s, c, session, id) },
  rate: {
    by: 'requester',
    run: (s, c, session, id) => rateTicket(s, c, session, id, { score: 5, comment: 'Quick.' }),
  },
  accept: { by: 'agent', run: (s, c, session, id) => acceptTicket(s, c, session, id) },
  agent_reply: {
    by: 'agent',
    run: (s, c, session, id) => replyAsAgent(s, c, session, id, REPLY),
  },
  agent_close: { by: 'agent', run: (s, c, session, id) => closeAsAgent(s, c, session, id) },
};

/** The status each operation leads to from each status; rating leaves a closed ticket closed. */
function expectedAfter(operation: string, status: TicketStatus): TicketStatus | null {
  if (operation === 'rate') return status === 'closed' ? 'closed' : null;
  return EXPECTED[operation as keyof typeof EXPECTED][status] ?? null;
}

function act(operation: string, ticketId: string) {
  const { by, run } = OPERATIONS[operation]!;
  const sessionId = by === 'requester' ? alice : support;
  return t.server.run((state, ctx) => {
    run(state, ctx, sessionIn(state, sessionId), ticketId);
    return ticketIn(state, ticketId).status;
  });
}

/** A ticket of alice's, brought to a status by the actions people take. */
async function aliceTicketIn(status: TicketStatus): Promise<string> {
  const id = await fileTicket(t.server, alice);
  const path: Record<TicketStatus, string[]> = {
    waiting_assignment: [],
    waiting_feedback: ['accept'],
    feedback_provided: ['accept', 'agent_reply'],
    closed: ['accept', 'agent_reply', 'close'],
    canceled: ['cancel'],
  };
  for (const step of path[status]) await act(step, id);
  return id;
}

describe('every action from every status, through the core (TICKET-5)', () => {
  const cases = Object.keys(OPERATIONS).flatMap((operation) =>
    TICKET_STATUSES.map((status) => [operation, status, expectedAfter(operation, status)] as const),
  );

  it.each(cases.filter(([, , after]) => after !== null))(
    '%s from %s leads to %s',
    async (operation, status, after) => {
      const id = await aliceTicketIn(status);

      expect(await act(operation, id)).toBe(after);
    },
  );

  it.each(cases.filter(([, , after]) => after === null))(
    '%s from %s is refused and changes nothing',
    async (operation, status) => {
      const id = await aliceTicketIn(status);
      const before = await t.snapshot();

      const refusal = await refusalOf(act(operation, id));

      expect(refusal.code).toBe('TICKET_STATUS_CONFLICT');
      expect(await t.snapshot()).toEqual(before);
    },
  );

  it('offers the requester exactly the actions their status allows (TICKET-6)', async () => {
    const offered: Record<string, string[]> = {};
    for (const status of TICKET_STATUSES) {
      const id = await aliceTicketIn(status);
      offered[status] = await t.server.run((state) => requesterActions(ticketIn(state, id)));
    }
    expect(offered).toEqual({
      waiting_assignment: ['cancel', 'reply'],
      waiting_feedback: ['reply', 'close'],
      feedback_provided: ['reply', 'close'],
      closed: ['rate'],
      canceled: ['restart'],
    });
  });

  it('rates a closed ticket once', async () => {
    const id = await aliceTicketIn('closed');
    await act('rate', id);

    expect((await refusalOf(act('rate', id))).code).toBe('TICKET_STATUS_CONFLICT');
    const rated = await t.server.run((state) => ticketIn(state, id));
    expect(rated.rating).toEqual({ score: 5, comment: 'Quick.', at: t.time.now });
    expect(requesterActions(rated)).toEqual([]);
  });

  it('restarts a canceled ticket into the queue, where it can be accepted', async () => {
    const id = await aliceTicketIn('canceled');

    expect(await act('restart', id)).toBe('waiting_assignment');
    expect(await act('accept', id)).toBe('waiting_feedback');
    const events = await t.server.run((state) =>
      ticketIn(state, id).entries.flatMap((entry) => (entry.kind === 'event' ? [entry.event] : [])),
    );
    expect(events).toEqual(['canceled', 'restarted', 'accepted']);
  });

  it('lets only the requester act as the requester, and only agents as customer service', async () => {
    const id = await aliceTicketIn('feedback_provided');
    const bob = await sessionFor(t.server, 'bob@example.com');
    const owner = await sessionFor(t.server, 'owner@example.com');

    const asBob = t.server.run((state, ctx) =>
      closeAsRequester(state, ctx, sessionIn(state, bob), id),
    );
    expect((await refusalOf(asBob)).code).toBe('FORBIDDEN');
    const asOwner = t.server.run((state, ctx) =>
      acceptTicket(state, ctx, sessionIn(state, owner), id),
    );
    expect((await refusalOf(asOwner)).code).toBe('FORBIDDEN');
  });
});

describe('auto-close after 7 days in Feedback Provided (TICKET-5), on the fake clock', () => {
  async function statusNow(id: string) {
    return t.server.run((state, ctx) => {
      myTickets(state, ctx, sessionIn(state, alice));
      return ticketIn(state, id);
    });
  }

  it('stays open until the 7 days are over, then closes at the moment they ended', async () => {
    const id = await aliceTicketIn('feedback_provided');
    const feedbackAt = t.time.now;

    t.time.advance(7 * DAY_MS - 1);
    expect((await statusNow(id)).status).toBe('feedback_provided');

    t.time.advance(1);
    const closed = await statusNow(id);
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).toBe(feedbackAt + 7 * DAY_MS);
    expect(closed.entries.at(-1)).toMatchObject({
      kind: 'event',
      event: 'closed_automatically',
      at: feedbackAt + 7 * DAY_MS,
    });
  });

  it('is applied by whichever ticket transaction comes first, even days later', async () => {
    const id = await aliceTicketIn('feedback_provided');
    const feedbackAt = t.time.now;
    t.time.advance(30 * DAY_MS);

    const refusal = await refusalOf(act('reply', id));

    expect(refusal.code).toBe('TICKET_STATUS_CONFLICT');
    const ticket = await t.server.run((state, ctx) => {
      settleTickets(state, ctx);
      return ticketIn(state, id);
    });
    expect(ticket).toMatchObject({ status: 'closed', closedAt: feedbackAt + 7 * DAY_MS });
    expect(await act('rate', id)).toBe('closed');
  });

  it("runs on the server's clock, dev clock offset included", async () => {
    const id = await aliceTicketIn('feedback_provided');
    t.time.advance(7 * DAY_MS - 5 * MINUTE_MS);
    expect((await statusNow(id)).status).toBe('feedback_provided');

    await t.server.run((state) => {
      state.devSettings.clockOffsetMs = 5 * MINUTE_MS;
    });

    expect((await statusNow(id)).status).toBe('closed');
  });

  it('emails the requester when it closes', async () => {
    const id = await aliceTicketIn('feedback_provided');
    t.time.advance(7 * DAY_MS);

    await statusNow(id);

    const mail = (await t.snapshot()).outbox.at(-1);
    expect(mail).toMatchObject({ to: 'alice@example.com' });
    expect(mail?.subject).toMatch(/^\[TK\d+\] Your ticket was closed$/);
  });

  it('does not close a ticket the requester answered: a reply stops the clock', async () => {
    const id = await aliceTicketIn('feedback_provided');
    t.time.advance(6 * DAY_MS);
    expect(await act('reply', id)).toBe('waiting_feedback');

    t.time.advance(2 * DAY_MS);

    expect((await statusNow(id)).status).toBe('waiting_feedback');
  });

  it('counts from the latest feedback: another reply from customer service restarts the 7 days', async () => {
    const id = await aliceTicketIn('feedback_provided');
    t.time.advance(6 * DAY_MS);
    expect(await act('agent_reply', id)).toBe('feedback_provided');

    t.time.advance(6 * DAY_MS);
    expect((await statusNow(id)).status).toBe('feedback_provided');
    t.time.advance(DAY_MS);
    expect((await statusNow(id)).status).toBe('closed');
  });

  it.each(['waiting_assignment', 'waiting_feedback', 'canceled'] as const)(
    'never closes a ticket in %s by itself',
    async (status) => {
      const id = await aliceTicketIn(status);
      t.time.advance(60 * DAY_MS);

      expect((await statusNow(id)).status).toBe(status);
    },
  );
});
