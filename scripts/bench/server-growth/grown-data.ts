// The data the growth bench adds to the demo: 5,000 members and 100,000 tickets,
// written straight through the backend, and the rows the scanning requests read.
import Database from 'better-sqlite3';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@/api/limits';
import type { TicketStatus, TicketType } from '@/api/schemas/tickets';
import type { Backend } from '@/backend/backend';
import { TICKET_NUMBER_FIRST } from '@/backend/domain/limits';
import type {
  AccountRecord,
  AuditRecord,
  MembershipRecord,
  SessionRecord,
  TicketEntryRecord,
  TicketRecord,
} from '@/backend/domain/state';
import {
  ADDED_MEMBERS,
  ADDED_TICKETS,
  MEMBERS_PER_BATCH,
  progress,
  TICKET_SPAN_MS,
  TICKETS_PER_BATCH,
  WORKSPACE,
} from './growth-settings';

export const TITLES = [
  'Dashboard does not refresh after midnight',
  'Cannot connect a PostgreSQL data source',
  'Invoice shows the wrong company name',
  'How do I give a colleague read-only access',
  'Alert emails arrive an hour late',
  'Export of a dashboard to PDF is blank',
  'Please add a dark theme to reports',
  'API token stopped working',
  'Question about the yearly plan',
  'Log search is slow for the last 30 days',
];
export const TYPES: readonly TicketType[] = [
  'bug_report',
  'usage_issue',
  'purchase_inquiry',
  'help_documentation',
  'feature_request',
  'other',
  'change_owner',
];
/** About 400 bytes, as a member describes a problem. */
export const DESCRIPTION =
  'Since this morning the dashboard for our production cluster shows no data after midnight. ' +
  'The hosts still report: I can see them in the infrastructure list. I tried another browser ' +
  'and cleared the cache. Two colleagues see the same. We changed nothing in the workspace ' +
  'settings this week. Could you check whether something changed on your side? Thank you.';
export const AGENT_REPLY =
  'Thank you for the details. We found the cause and deployed a fix; please try again and tell us if it persists.';

/**
 * Statuses in the proportions of a help desk a year in: most tickets closed,
 * some canceled, the rest open at some step of TICKET-5.
 */
export function statusOf(index: number): TicketStatus {
  const bucket = (index * 7_919) % 100;
  if (bucket < 55) return 'closed';
  if (bucket < 65) return 'canceled';
  if (bucket < 75) return 'waiting_assignment';
  if (bucket < 90) return 'waiting_feedback';
  return 'feedback_provided';
}

export const memberId = (index: number) => `acc_growth_${String(index).padStart(5, '0')}`;
/** Every other member in each demo workspace: half the rows in the one the lists read. */
export const workspaceOfMember = (index: number) => (index % 2 === 0 ? 'ws_demo' : 'ws_secure');

/** Adds the members, each with a session and two security log entries, a batch per transaction. */
export async function addMembers(backend: Backend): Promise<void> {
  const template = await backend.run(
    (state) => structuredClone(state.accounts.find((account) => account.id === 'acc_alice')),
    { pickFrom: ['accounts'], stages: [() => [{ from: 'accounts', keys: ['acc_alice'] }]] },
  );
  if (!template) throw new Error('no acc_alice to copy the demo password from');
  for (let first = 0; first < ADDED_MEMBERS; first += MEMBERS_PER_BATCH) {
    await backend.run(
      (state, ctx) => {
        const last = Math.min(first + MEMBERS_PER_BATCH, ADDED_MEMBERS);
        for (let index = first; index < last; index += 1) {
          const id = memberId(index);
          const label = String(index).padStart(5, '0');
          const joinedAt = ctx.now - TICKET_SPAN_MS - DAY_MS + index * MINUTE_MS;
          // They sign in with the demo password: Alice's salt and hash stand for it.
          const account: AccountRecord = {
            ...structuredClone(template),
            id,
            email: `member${label}@growth.example.com`,
            name: `Member ${label}`,
            createdAt: joinedAt,
            lastWorkspaceId: workspaceOfMember(index),
          };
          const membership: MembershipRecord = {
            accountId: id,
            workspaceId: workspaceOfMember(index),
            role: 'member',
            joinedAt,
          };
          const lastSeenAt = ctx.now - (index % 48) * HOUR_MS;
          const session: SessionRecord = {
            id: `ses_growth_${label}`,
            tokenHash: `growth-session-${label}`,
            accountId: id,
            state: 'active',
            workspaceId: workspaceOfMember(index),
            createdAt: lastSeenAt - HOUR_MS,
            lastSeenAt,
            expiresAt: lastSeenAt + 30 * MINUTE_MS,
            userAgent: null,
          };
          const events: AuditRecord[] = [lastSeenAt - HOUR_MS, lastSeenAt].map((at, n) => ({
            id: `evt_growth_${label}_${n}`,
            accountId: id,
            event: 'signin.password',
            at,
            device: null,
            detail: {},
          }));
          state.accounts.push(account);
          state.memberships.push(membership);
          state.sessions.push(session);
          state.audit.push(...events);
        }
      },
      { append: ['accounts', 'memberships', 'sessions', 'audit'] },
    );
  }
}

/** One ticket of the member `index % ADDED_MEMBERS`, in that member's workspace. */
export function ticketOf(index: number, sequence: number, now: number): TicketRecord {
  const member = index % ADDED_MEMBERS;
  const requesterId = memberId(member);
  const status = statusOf(index);
  const createdAt = now - TICKET_SPAN_MS + Math.floor((index * TICKET_SPAN_MS) / ADDED_TICKETS);
  // Feedback Provided closes by itself after a week: these are fresh enough not to.
  const feedbackAt = status === 'feedback_provided' ? now - ((index % 5) + 1) * DAY_MS : null;
  const updatedAt =
    feedbackAt ?? Math.min(now - MINUTE_MS, createdAt + ((index % 72) + 1) * HOUR_MS);
  const answered = status !== 'waiting_assignment' && status !== 'canceled';
  const entries: TicketEntryRecord[] = [
    {
      kind: 'message',
      id: `tmsg_growth_${sequence}_0`,
      authorId: requesterId,
      role: 'requester',
      body: DESCRIPTION,
      at: createdAt,
      attachmentIds: [],
    },
  ];
  if (answered && status !== 'waiting_feedback') {
    entries.push({
      kind: 'message',
      id: `tmsg_growth_${sequence}_1`,
      authorId: 'acc_support',
      role: 'agent',
      body: AGENT_REPLY,
      at: updatedAt,
      attachmentIds: [],
    });
  }
  return {
    id: `tkt_growth_${sequence}`,
    number: `TK${TICKET_NUMBER_FIRST + sequence - 1}`,
    workspaceId: workspaceOfMember(member),
    requesterId,
    type: TYPES[index % TYPES.length] ?? 'other',
    title: `${TITLES[index % TITLES.length] ?? 'Question'} (${index + 1})`,
    status,
    createdAt,
    updatedAt,
    assigneeId: answered ? 'acc_support' : null,
    feedbackAt,
    closedAt: status === 'closed' ? updatedAt : null,
    rating: null,
    verification: null,
    cancelTokenHash: null,
    mfaUnboundAt: null,
    entries,
  };
}

/** Adds the tickets, numbered on from the server's sequence, a batch per transaction. */
export async function addTickets(backend: Backend): Promise<void> {
  for (let first = 0; first < ADDED_TICKETS; first += TICKETS_PER_BATCH) {
    await backend.run(
      (state, ctx) => {
        const last = Math.min(first + TICKETS_PER_BATCH, ADDED_TICKETS);
        for (let index = first; index < last; index += 1) {
          state.ticketSequence += 1;
          state.tickets.push(ticketOf(index, state.ticketSequence, ctx.now));
        }
      },
      { append: ['tickets'] },
    );
    if ((first + TICKETS_PER_BATCH) % 20_000 === 0) {
      progress(`${(first + TICKETS_PER_BATCH).toLocaleString('en-US')} tickets added`);
    }
  }
}

/** How many rows the scanning requests read, counted in the database beside the server. */
export interface Rows {
  workspaceTickets: number;
  workspaceRequesters: number;
  tickets: number;
  requesters: number;
  workspaceMembers: number;
  accounts: number;
}

export function countRows(file: string): Rows {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const count = (sql: string, ...values: string[]) =>
      (db.prepare(sql).get(...values) as { n: number }).n;
    return {
      workspaceTickets: count(
        'SELECT count(*) AS n FROM tickets WHERE workspace_id = ?',
        WORKSPACE,
      ),
      workspaceRequesters: count(
        'SELECT count(DISTINCT requester_id) AS n FROM tickets WHERE workspace_id = ?',
        WORKSPACE,
      ),
      tickets: count('SELECT count(*) AS n FROM tickets'),
      requesters: count('SELECT count(DISTINCT requester_id) AS n FROM tickets'),
      workspaceMembers: count(
        'SELECT count(*) AS n FROM memberships WHERE workspace_id = ?',
        WORKSPACE,
      ),
      accounts: count('SELECT count(*) AS n FROM accounts'),
    };
  } finally {
    db.close();
  }
}
