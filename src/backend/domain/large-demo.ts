import {
  DAY_MS,
  HOUR_MS,
  LARGE_DEMO_BATCHES,
  LARGE_DEMO_TICKETS_PER_BATCH,
  MINUTE_MS,
} from '@/api/limits';
import type { LargeDemoProgress } from '@/api/schemas/dev';
import { TICKET_STATUSES, TICKET_TYPES, type TicketStatus } from '@/api/schemas/tickets';
import type { DomainContext } from './context';
import { DomainError } from './errors';
import { TICKET_NUMBER_FIRST } from './limits';
import type { AccountRecord, ServerState, TicketRecord } from './state';

/** MOCK-8: Load a large demo: 10,000 tickets across the workspaces, and 500 members. */
export const LARGE_DEMO_MEMBERS = 500;
/** The first one filed is this long ago; each later one a little after. */
const SPAN_MS = 70 * DAY_MS;

/** Everything but Unbind MFA, which carries identity documents and a verification. */
const TYPES = TICKET_TYPES.filter((type) => type !== 'unbind_mfa');
const TITLES = [
  'Dashboard export times out',
  'Cannot add a new data source',
  'Question about the annual plan',
  'Where is the API documentation for alerts',
  'Please add dark mode to reports',
  'Chart legend overlaps on small screens',
  'How do I invite a colleague',
  'Billing address needs changing',
];
/** About 800 bytes, like a description somebody took the time to write. */
const DESCRIPTION = (
  'Steps to reproduce: open the workspace, go to the dashboard, choose the last seven days, ' +
  'then export. Expected: a file within a few seconds. Actual: the page waits and then shows ' +
  'an error. It happens in Chrome and Firefox, on two computers, for me and for a colleague. '
).repeat(3);

const memberId = (index: number) => `acc_large_${String(index + 1).padStart(4, '0')}`;

function addMembers(state: ServerState, now: number): void {
  if (state.accounts.some((account) => account.id === memberId(0))) return;
  // They sign in with the demo password: Alice's salt and hash stand for it.
  const template = state.accounts.find((account) => account.id === 'acc_alice');
  const workspaces = state.workspaces.map((workspace) => workspace.id);
  if (!template || workspaces.length === 0) return;
  for (let index = 0; index < LARGE_DEMO_MEMBERS; index += 1) {
    const label = String(index + 1).padStart(4, '0');
    const account: AccountRecord = {
      ...structuredClone(template),
      id: memberId(index),
      email: `member${label}@large.example.com`,
      name: `Member ${label}`,
      kind: 'member',
      createdAt: now,
      lastWorkspaceId: null,
      mfa: null,
    };
    state.accounts.push(account);
    state.memberships.push({
      accountId: account.id,
      workspaceId: workspaces[index % workspaces.length] ?? '',
      role: 'member',
      joinedAt: now,
    });
  }
}

/** A ticket somewhere in the life of TICKET-5, none of them due to close by itself. */
function largeTicket(
  state: ServerState,
  index: number,
  now: number,
  requesters: readonly { accountId: string; workspaceId: string }[],
): TicketRecord {
  const { accountId: requesterId, workspaceId } = requesters[index % requesters.length] ?? {
    accountId: memberId(0),
    workspaceId: null,
  };
  const total = LARGE_DEMO_BATCHES * LARGE_DEMO_TICKETS_PER_BATCH;
  const createdAt = now - SPAN_MS + Math.floor((index * SPAN_MS) / total);
  const status = TICKET_STATUSES[index % TICKET_STATUSES.length] as TicketStatus;
  const updatedAt = Math.min(now - MINUTE_MS, createdAt + HOUR_MS);
  state.ticketSequence += 1;
  const number = `TK${TICKET_NUMBER_FIRST + state.ticketSequence - 1}`;
  return {
    id: `tkt_large_${state.ticketSequence}`,
    number,
    workspaceId,
    requesterId,
    type: TYPES[index % TYPES.length] ?? 'other',
    title: `${TITLES[index % TITLES.length] ?? 'Question'} (${index + 1})`,
    status,
    createdAt,
    updatedAt,
    assigneeId: status === 'waiting_assignment' || status === 'canceled' ? null : 'acc_support',
    feedbackAt: status === 'feedback_provided' ? now - HOUR_MS : null,
    closedAt: status === 'closed' ? updatedAt : null,
    rating: null,
    verification: null,
    cancelTokenHash: null,
    mfaUnboundAt: null,
    entries: [
      {
        kind: 'message',
        id: `tmsg_large_${state.ticketSequence}`,
        authorId: requesterId,
        role: 'requester',
        body: DESCRIPTION,
        at: createdAt,
        attachmentIds: [],
      },
    ],
  };
}

/**
 * One batch of Load a large demo, as one transaction, so the dev tools can
 * show how far it has come. Batch 0 adds the members the tickets come from.
 */
export function addLargeDemoBatch(
  state: ServerState,
  ctx: DomainContext,
  batch: number,
  workspaceId?: string,
): LargeDemoProgress {
  if (workspaceId !== undefined && !state.workspaces.some((w) => w.id === workspaceId)) {
    throw new DomainError('NOT_FOUND');
  }
  addMembers(state, ctx.now);
  const requesters = state.memberships.filter(
    (membership) =>
      membership.accountId.startsWith('acc_large_') &&
      (workspaceId === undefined || membership.workspaceId === workspaceId),
  );
  for (let offset = 0; offset < LARGE_DEMO_TICKETS_PER_BATCH; offset += 1) {
    const index = batch * LARGE_DEMO_TICKETS_PER_BATCH + offset;
    state.tickets.push(largeTicket(state, index, ctx.now, requesters));
  }
  return {
    batch,
    batches: LARGE_DEMO_BATCHES,
    tickets: (batch + 1) * LARGE_DEMO_TICKETS_PER_BATCH,
    members: LARGE_DEMO_MEMBERS,
  };
}
