import { DAY_MS } from '@/api/limits';
import {
  type CreateTicketRequest,
  type RateRequest,
  type ReplyRequest,
  type TicketAction,
  type TicketEvent,
  type TicketListQuery,
  type TicketStatus,
  TICKET_PAGE_SIZE_DEFAULT,
} from '@/api/schemas/tickets';
import { accountById, owesMfaSetup, workspaceById } from './accounts';
import { recordAudit } from './audit';
import type { DomainContext } from './context';
import { consumeEmailCode, nextEmailCodeAt, sendEmailCode } from './email-codes';
import { randomId, sha256Hex } from './encoding';
import { DomainError } from './errors';
import { formatTimeForEmail, sendEmail } from './mail';
import { maskEmail, removeBinding } from './mfa';
import { demoteToSetup, endSession, requireActive } from './sessions';
import type {
  AccountRecord,
  AttachmentRecord,
  ServerState,
  SessionRecord,
  TicketRecord,
} from './state';
import { IDEMPOTENCY_KEY_TTL_MS, TICKET_AUTO_CLOSE_MS, TICKET_NUMBER_FIRST } from './limits';
import { requireWorkspaceAccess } from './workspaces';

/** Everything that moves a ticket from one status to another (TICKET-5). */
export type TicketTransition =
  | 'cancel'
  | 'restart'
  | 'reply'
  | 'close'
  | 'accept'
  | 'agent_reply'
  | 'agent_close'
  | 'unbind_mfa'
  | 'auto_close';

/**
 * TICKET-5 as data: for each transition, the statuses it may start from and
 * where it leads. Anything not listed is refused.
 */
export const TICKET_TRANSITIONS: Record<
  TicketTransition,
  Partial<Record<TicketStatus, TicketStatus>>
> = {
  // The requester: cancel a ticket nobody has picked up, restart it, add to it, close it.
  cancel: { waiting_assignment: 'canceled' },
  restart: { canceled: 'waiting_assignment' },
  reply: {
    waiting_assignment: 'waiting_assignment',
    waiting_feedback: 'waiting_feedback',
    feedback_provided: 'waiting_feedback',
  },
  close: { feedback_provided: 'closed' },
  // Customer service: accept, answer, close what they accepted.
  accept: { waiting_assignment: 'waiting_feedback' },
  agent_reply: { waiting_feedback: 'feedback_provided', feedback_provided: 'feedback_provided' },
  agent_close: { waiting_feedback: 'closed', feedback_provided: 'closed' },
  unbind_mfa: { waiting_feedback: 'feedback_provided', feedback_provided: 'feedback_provided' },
  // The clock: feedback nobody answered for TICKET_AUTO_CLOSE_MS.
  auto_close: { feedback_provided: 'closed' },
};

/** Where a transition leads from a status; null when it is not allowed from there. */
export function nextStatus(
  status: TicketStatus,
  transition: TicketTransition,
): TicketStatus | null {
  return TICKET_TRANSITIONS[transition][status] ?? null;
}

function move(ticket: TicketRecord, transition: TicketTransition, at: number): void {
  const next = nextStatus(ticket.status, transition);
  if (next === null) throw new DomainError('TICKET_STATUS_CONFLICT');
  ticket.status = next;
  ticket.updatedAt = at;
}

function addEvent(ctx: DomainContext, ticket: TicketRecord, event: TicketEvent, at = ctx.now) {
  ticket.entries.push({ kind: 'event', id: randomId(ctx.randomBytes, 'tev'), event, at });
}

function addMessage(
  ctx: DomainContext,
  ticket: TicketRecord,
  author: AccountRecord,
  role: 'requester' | 'agent',
  body: string,
  attachmentIds: string[],
): void {
  ticket.entries.push({
    kind: 'message',
    id: randomId(ctx.randomBytes, 'tmsg'),
    authorId: author.id,
    role,
    body,
    at: ctx.now,
    attachmentIds,
  });
}

/** When a ticket in Feedback Provided closes by itself; null for any other status. */
export function autoCloseAt(ticket: TicketRecord): number | null {
  return ticket.status === 'feedback_provided' && ticket.feedbackAt !== null
    ? ticket.feedbackAt + TICKET_AUTO_CLOSE_MS
    : null;
}

function mailRequester(
  state: ServerState,
  ctx: DomainContext,
  ticket: TicketRecord,
  subject: string,
  body: string,
): void {
  const requester = accountById(state, ticket.requesterId);
  sendEmail(state, ctx, {
    to: requester.email,
    subject: `[${ticket.number}] ${subject}`,
    body: `${body}\n\nTicket ${ticket.number}: ${ticket.title}`,
  });
}

/**
 * Brings the tickets up to the server's clock: Feedback Provided closes by
 * itself after TICKET_AUTO_CLOSE_MS, at the moment it fell due. Run lazily at
 * the start of every ticket transaction, so no timer has to be running.
 */
export function settleTickets(state: ServerState, ctx: DomainContext): void {
  for (const ticket of state.tickets) {
    const due = autoCloseAt(ticket);
    if (due === null || ctx.now < due) continue;
    move(ticket, 'auto_close', due);
    ticket.closedAt = due;
    addEvent(ctx, ticket, 'closed_automatically', due);
    mailRequester(
      state,
      ctx,
      ticket,
      'Your ticket was closed',
      `Customer service replied on ${formatTimeForEmail(ticket.feedbackAt ?? due)} and there was no answer ` +
        `for ${TICKET_AUTO_CLOSE_MS / DAY_MS} days, so the ticket was closed. ` +
        'You can rate the answer in Ticket Management, or submit a new ticket.',
    );
  }
  state.idempotencyKeys = state.idempotencyKeys.filter((entry) => ctx.now < entry.expiresAt);
}

function ticketById(state: ServerState, ticketId: string): TicketRecord {
  const ticket = state.tickets.find((candidate) => candidate.id === ticketId);
  if (!ticket) throw new DomainError('NOT_FOUND');
  return ticket;
}

/**
 * LOGIN-5: a session that still owes its MFA code may send the ticket email
 * code, upload attachments and submit an Unbind MFA ticket, nothing more. A
 * session owing a binding gets nothing (it has no MFA to unbind).
 */
export function requireTicketSubmitter(session: SessionRecord): 'login' | 'console' {
  if (session.state === 'mfa_setup_required') throw new DomainError('MFA_SETUP_REQUIRED');
  return session.state === 'mfa_required' ? 'login' : 'console';
}

export function requireAgent(state: ServerState, session: SessionRecord): AccountRecord {
  requireActive(session);
  const account = accountById(state, session.accountId);
  if (account.kind !== 'agent') throw new DomainError('FORBIDDEN');
  return account;
}

/**
 * The ticket a session may read: its own, or one of a workspace it may use
 * (TICKET-1). Anything else answers as if it did not exist.
 */
export function readTicket(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  ticketId: string,
): { ticket: TicketRecord; own: boolean } {
  settleTickets(state, ctx);
  requireActive(session);
  const ticket = ticketById(state, ticketId);
  if (ticket.requesterId === session.accountId) return { ticket, own: true };
  if (ticket.workspaceId === null) throw new DomainError('NOT_FOUND');
  requireWorkspaceAccess(state, session, ticket.workspaceId);
  return { ticket, own: false };
}

function ownTicket(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  ticketId: string,
): TicketRecord {
  const { ticket, own } = readTicket(state, ctx, session, ticketId);
  if (!own) throw new DomainError('FORBIDDEN');
  return ticket;
}

/** TICKET-9: an agent may process any ticket but one they submitted. */
function processableTicket(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  ticketId: string,
): { agent: AccountRecord; ticket: TicketRecord } {
  settleTickets(state, ctx);
  const agent = requireAgent(state, session);
  const ticket = ticketById(state, ticketId);
  if (ticket.requesterId === agent.id) throw new DomainError('FORBIDDEN');
  return { agent, ticket };
}

export function ticketForAgent(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  ticketId: string,
): { agent: AccountRecord; ticket: TicketRecord } {
  settleTickets(state, ctx);
  const agent = requireAgent(state, session);
  return { agent, ticket: ticketById(state, ticketId) };
}

/**
 * The uploads a ticket or reply may use: each the actor's own and not used yet.
 * The count limit is the contract's, checked by the schema already.
 */
function usableAttachments(
  state: ServerState,
  actor: AccountRecord,
  attachmentIds: readonly string[],
): AttachmentRecord[] {
  const records = attachmentIds.flatMap((id) =>
    state.attachments.filter(
      (attachment) =>
        attachment.id === id && attachment.ownerId === actor.id && attachment.ticketId === null,
    ),
  );
  if (records.length !== attachmentIds.length || new Set(attachmentIds).size !== records.length) {
    throw new DomainError('VALIDATION_FAILED', { fieldErrors: { attachmentIds: 'invalid' } });
  }
  return records;
}

function claim(records: readonly AttachmentRecord[], ticketId: string): void {
  for (const record of records) record.ticketId = ticketId;
}

function requestHashOf(input: CreateTicketRequest): string {
  // The email code is left out: it is spent by the first request and is nobody's business later.
  const { type, title, description, attachmentIds } = input;
  return sha256Hex(JSON.stringify({ type, title, description, attachmentIds }));
}

export interface SubmittedTicket {
  ticket: TicketRecord;
  /** False when an Idempotency-Key repeated an earlier creation. */
  created: boolean;
}

/**
 * TICKET-2 to TICKET-4 and TICKET-8: files a ticket. Unbind MFA needs the email
 * code and records that password and email were verified; it unbinds nothing
 * (TICKET-9). Returns the refusal of a wrong email code so its count is written.
 */
export function submitTicket(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  input: CreateTicketRequest,
  idempotencyKey: string | null,
): SubmittedTicket | DomainError {
  settleTickets(state, ctx);
  const submittedFrom = requireTicketSubmitter(session);
  if (submittedFrom === 'login' && input.type !== 'unbind_mfa')
    throw new DomainError('MFA_REQUIRED');
  const account = accountById(state, session.accountId);

  const requestHash = requestHashOf(input);
  if (idempotencyKey !== null) {
    const earlier = state.idempotencyKeys.find(
      (entry) => entry.accountId === account.id && entry.key === idempotencyKey,
    );
    if (earlier) {
      if (earlier.requestHash !== requestHash) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
      return { ticket: ticketById(state, earlier.ticketId), created: false };
    }
  }

  if (input.type === 'change_owner' && input.attachmentIds.length === 0) {
    throw new DomainError('VALIDATION_FAILED', { fieldErrors: { attachmentIds: 'required' } });
  }
  const unbind = input.type === 'unbind_mfa';
  if (!unbind && input.emailCode !== undefined) {
    throw new DomainError('VALIDATION_FAILED', { fieldErrors: { emailCode: 'unrecognized_key' } });
  }
  if (unbind && !account.mfa) throw new DomainError('MFA_NOT_BOUND');
  if (unbind && input.emailCode === undefined) {
    throw new DomainError('VALIDATION_FAILED', { fieldErrors: { emailCode: 'required' } });
  }

  // Checked before the code is spent, so a bad attachment does not cost the user their code.
  const attachments = usableAttachments(state, account, input.attachmentIds);
  if (unbind && input.emailCode !== undefined) {
    const refusal = consumeEmailCode(state, ctx, account.id, 'ticket', input.emailCode);
    if (refusal) return refusal;
  }
  const ticketId = randomId(ctx.randomBytes, 'tkt');
  claim(attachments, ticketId);

  state.ticketSequence += 1;
  const ticket: TicketRecord = {
    id: ticketId,
    number: `TK${TICKET_NUMBER_FIRST + state.ticketSequence - 1}`,
    workspaceId: session.workspaceId,
    requesterId: account.id,
    type: input.type,
    title: input.title,
    status: 'waiting_assignment',
    createdAt: ctx.now,
    updatedAt: ctx.now,
    assigneeId: null,
    feedbackAt: null,
    closedAt: null,
    rating: null,
    verification: unbind ? { password: true, email: true, submittedFrom } : null,
    mfaUnboundAt: null,
    entries: [],
  };
  addMessage(ctx, ticket, account, 'requester', input.description, input.attachmentIds);
  state.tickets.push(ticket);

  if (idempotencyKey !== null) {
    state.idempotencyKeys.push({
      accountId: account.id,
      key: idempotencyKey,
      requestHash,
      ticketId,
      expiresAt: ctx.now + IDEMPOTENCY_KEY_TTL_MS,
    });
  }
  if (unbind)
    recordAudit(state, ctx, account.id, 'ticket.unbind_requested', { ticket: ticket.number });
  mailRequester(
    state,
    ctx,
    ticket,
    'We received your ticket',
    unbind
      ? 'Customer service will review your Unbind MFA request. Your MFA stays bound until they ' +
          'have checked it; you will get an email when it is unbound. Then log in with your ' +
          'password alone, and bind MFA again in Account Management.'
      : 'Customer service will pick it up soon. You will get an email at each step.',
  );
  return { ticket, created: true };
}

/** TICKET-5: the requester cancels a ticket nobody has picked up yet. */
export function cancelTicket(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  ticketId: string,
): TicketRecord {
  const ticket = ownTicket(state, ctx, session, ticketId);
  move(ticket, 'cancel', ctx.now);
  addEvent(ctx, ticket, 'canceled');
  return ticket;
}

/** TICKET-5: a canceled ticket goes back into the queue. */
export function restartTicket(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  ticketId: string,
): TicketRecord {
  const ticket = ownTicket(state, ctx, session, ticketId);
  move(ticket, 'restart', ctx.now);
  addEvent(ctx, ticket, 'restarted');
  return ticket;
}

/** TICKET-5: the requester's reply; after feedback it goes back to Waiting for Feedback. */
export function replyAsRequester(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  ticketId: string,
  reply: ReplyRequest,
): TicketRecord {
  const ticket = ownTicket(state, ctx, session, ticketId);
  const account = accountById(state, session.accountId);
  const attachments = usableAttachments(state, account, reply.attachmentIds);
  move(ticket, 'reply', ctx.now);
  claim(attachments, ticket.id);
  addMessage(ctx, ticket, account, 'requester', reply.body, reply.attachmentIds);
  ticket.feedbackAt = null;
  return ticket;
}

/** TICKET-5: the requester closes a ticket that has had feedback. */
export function closeAsRequester(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  ticketId: string,
): TicketRecord {
  const ticket = ownTicket(state, ctx, session, ticketId);
  move(ticket, 'close', ctx.now);
  ticket.closedAt = ctx.now;
  addEvent(ctx, ticket, 'closed_by_requester');
  return ticket;
}

/** TICKET-5: a closed ticket may be rated, once. */
export function rateTicket(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  ticketId: string,
  rating: RateRequest,
): TicketRecord {
  const ticket = ownTicket(state, ctx, session, ticketId);
  if (ticket.status !== 'closed' || ticket.rating !== null)
    throw new DomainError('TICKET_STATUS_CONFLICT');
  ticket.rating = { score: rating.score, comment: rating.comment, at: ctx.now };
  ticket.updatedAt = ctx.now;
  return ticket;
}

/** TICKET-7: an agent takes a ticket from the queue. */
export function acceptTicket(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  ticketId: string,
): TicketRecord {
  const { agent, ticket } = processableTicket(state, ctx, session, ticketId);
  move(ticket, 'accept', ctx.now);
  ticket.assigneeId = agent.id;
  addEvent(ctx, ticket, 'accepted');
  mailRequester(
    state,
    ctx,
    ticket,
    'Customer service is working on your ticket',
    'Your ticket was accepted by customer service. You will get an email when they reply.',
  );
  return ticket;
}

function recordAgentReply(
  state: ServerState,
  ctx: DomainContext,
  ticket: TicketRecord,
  agent: AccountRecord,
  reply: ReplyRequest,
): void {
  claim(usableAttachments(state, agent, reply.attachmentIds), ticket.id);
  addMessage(ctx, ticket, agent, 'agent', reply.body, reply.attachmentIds);
  ticket.feedbackAt = ctx.now;
  ticket.assigneeId ??= agent.id;
  mailRequester(
    state,
    ctx,
    ticket,
    'Customer service replied to your ticket',
    `${reply.body}\n\nReply in Ticket Management. Without an answer the ticket closes by itself ` +
      `after ${TICKET_AUTO_CLOSE_MS / DAY_MS} days.`,
  );
}

/** TICKET-7: an agent answers; the ticket is then Feedback Provided. */
export function replyAsAgent(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  ticketId: string,
  reply: ReplyRequest,
): TicketRecord {
  const { agent, ticket } = processableTicket(state, ctx, session, ticketId);
  usableAttachments(state, agent, reply.attachmentIds);
  move(ticket, 'agent_reply', ctx.now);
  recordAgentReply(state, ctx, ticket, agent, reply);
  return ticket;
}

/** TICKET-7: an agent closes a ticket they have dealt with. */
export function closeAsAgent(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  ticketId: string,
): TicketRecord {
  const { ticket } = processableTicket(state, ctx, session, ticketId);
  move(ticket, 'agent_close', ctx.now);
  ticket.closedAt = ctx.now;
  addEvent(ctx, ticket, 'closed_by_agent');
  mailRequester(
    state,
    ctx,
    ticket,
    'Your ticket was closed',
    'Customer service closed your ticket. You can rate their help in Ticket Management.',
  );
  return ticket;
}

/**
 * TICKET-7 / TICKET-9: after review, an agent unbinds the requester's MFA and
 * tells them. This is the only way a ticket unbinds anything. The requester's
 * logins that still owe a code for the old binding are ended, and open sessions
 * in a workspace enforcing MFA now owe a new binding (as UNBIND-2).
 */
export function unbindRequesterMfa(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  ticketId: string,
  replyBody: string,
): TicketRecord {
  const { agent, ticket } = processableTicket(state, ctx, session, ticketId);
  if (ticket.type !== 'unbind_mfa' || ticket.mfaUnboundAt !== null)
    throw new DomainError('TICKET_STATUS_CONFLICT');
  const requester = accountById(state, ticket.requesterId);
  if (!requester.mfa) throw new DomainError('MFA_NOT_BOUND');
  move(ticket, 'unbind_mfa', ctx.now);

  removeBinding(state, ctx, requester, 'support');
  for (const other of state.sessions.filter((entry) => entry.accountId === requester.id)) {
    if (other.state === 'mfa_required') endSession(state, other);
    else if (other.state === 'active' && owesMfaSetup(state, requester, other.workspaceId))
      demoteToSetup(other, ctx);
  }
  ticket.mfaUnboundAt = ctx.now;
  addEvent(ctx, ticket, 'mfa_unbound');
  recordAudit(state, ctx, requester.id, 'ticket.unbind_processed', { ticket: ticket.number });
  recordAgentReply(state, ctx, ticket, agent, { body: replyBody, attachmentIds: [] });
  return ticket;
}

/** TICKET-6: what the requester may do now; people who only read it may do nothing. */
export function requesterActions(ticket: TicketRecord): TicketAction[] {
  const actions: TicketAction[] = [];
  if (nextStatus(ticket.status, 'cancel')) actions.push('cancel');
  if (nextStatus(ticket.status, 'restart')) actions.push('restart');
  if (nextStatus(ticket.status, 'reply')) actions.push('reply');
  if (nextStatus(ticket.status, 'close')) actions.push('close');
  if (ticket.status === 'closed' && ticket.rating === null) actions.push('rate');
  return actions;
}

/** TICKET-7: what an agent may do now; nothing on their own ticket (TICKET-9). */
export function agentActions(
  state: ServerState,
  ticket: TicketRecord,
  agentId: string,
): TicketAction[] {
  if (ticket.requesterId === agentId) return [];
  const actions: TicketAction[] = [];
  if (nextStatus(ticket.status, 'accept')) actions.push('accept');
  if (nextStatus(ticket.status, 'agent_reply')) actions.push('reply');
  if (nextStatus(ticket.status, 'agent_close')) actions.push('close');
  const requester = accountById(state, ticket.requesterId);
  if (
    ticket.type === 'unbind_mfa' &&
    ticket.mfaUnboundAt === null &&
    requester.mfa !== null &&
    nextStatus(ticket.status, 'unbind_mfa')
  ) {
    actions.push('unbind_mfa');
  }
  return actions;
}

export interface TicketPageResult {
  tickets: TicketRecord[];
  total: number;
  page: number;
  pageSize: number;
}

function matches(ticket: TicketRecord, query: TicketListQuery): boolean {
  if (query.type && ticket.type !== query.type) return false;
  if (query.status && ticket.status !== query.status) return false;
  const search = query.q?.trim().toLowerCase();
  if (!search) return true;
  return (
    ticket.number.toLowerCase().includes(search) || ticket.title.toLowerCase().includes(search)
  );
}

/** Newest first; the number breaks ties, as it only ever grows. */
function newestFirst(a: TicketRecord, b: TicketRecord): number {
  return b.createdAt - a.createdAt || b.number.localeCompare(a.number);
}

/** TICKET-1: filter, search and one page, done by the server so a long list stays fast. */
export function filterTickets(tickets: TicketRecord[], query: TicketListQuery): TicketRecord[] {
  return tickets.filter((ticket) => matches(ticket, query)).sort(newestFirst);
}

export function pageOf(tickets: TicketRecord[], query: TicketListQuery): TicketPageResult {
  const filtered = filterTickets(tickets, query);
  const pageSize = query.pageSize ?? TICKET_PAGE_SIZE_DEFAULT;
  const page = query.page ?? 1;
  return {
    tickets: filtered.slice((page - 1) * pageSize, page * pageSize),
    total: filtered.length,
    page,
    pageSize,
  };
}

/** All Tickets: those of a workspace the session may use (TICKET-1). */
export function workspaceTickets(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  workspaceId: string,
): TicketRecord[] {
  settleTickets(state, ctx);
  requireWorkspaceAccess(state, session, workspaceId);
  return state.tickets.filter((ticket) => ticket.workspaceId === workspaceId);
}

/** My Tickets: the session's own, across workspaces (TICKET-1). */
export function myTickets(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
): TicketRecord[] {
  settleTickets(state, ctx);
  requireActive(session);
  return state.tickets.filter((ticket) => ticket.requesterId === session.accountId);
}

/** TICKET-7: the customer-service queue, every workspace's tickets. */
export function supportQueue(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
): TicketRecord[] {
  settleTickets(state, ctx);
  requireAgent(state, session);
  return state.tickets;
}

export function workspaceNameOf(state: ServerState, ticket: TicketRecord): string | null {
  return ticket.workspaceId === null
    ? null
    : (workspaceById(state, ticket.workspaceId)?.name ?? null);
}

/** TICKET-4: the email code that stands behind an Unbind MFA ticket. */
export function sendTicketEmailCode(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
): { resendAvailableAt: number } {
  requireTicketSubmitter(session);
  const account = accountById(state, session.accountId);
  if (!account.mfa) throw new DomainError('MFA_NOT_BOUND');
  return sendEmailCode(state, ctx, account, 'ticket');
}

/** Where the code is sent and when another may be, so a reload keeps the countdown. */
export function ticketEmailCodeStatus(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
): { maskedEmail: string; resendAvailableAt: number | null } {
  requireTicketSubmitter(session);
  const account = accountById(state, session.accountId);
  return {
    maskedEmail: maskEmail(account.email),
    resendAvailableAt: nextEmailCodeAt(state, ctx, account.id),
  };
}
