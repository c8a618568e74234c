import { appPaths } from '@/api/app-paths';
import type { CreateTicketRequest, RateRequest, ReplyRequest } from '@/api/schemas/tickets';
import { accountById } from './accounts';
import { claimAttachments, usableAttachments } from './attachments';
import { recordAudit } from './audit';
import type { DomainContext } from './context';
import { consumeEmailCode } from './email-codes';
import { base64Url, digestsEqual, randomId, sha256Hex } from './encoding';
import { DomainError } from './errors';
import { checkSecurityKey } from './key-proofs';
import {
  CANCEL_TOKEN_BYTES,
  TICKET_MAX_PER_WINDOW,
  TICKET_NUMBER_FIRST,
  TICKET_RATE_WINDOW_MS,
} from './limits';
import { agentDetail, removeBinding } from './mfa';
import { checkBoundCode, reopenCodeEntry } from './mfa-codes';
import type { KeyStepUp } from './security-keys';
import { endSessionsForAgent } from './session-control';
import { clearLoginThrottle } from './sessions';
import type { AccountRecord, ServerState, SessionRecord, TicketRecord } from './state';
import { ownTicket, processableTicket, requireTicketSubmitter, ticketById } from './ticket-access';
import { settleTickets } from './ticket-clock';
import { addTicketEvent, addTicketMessage } from './ticket-conversation';
import { creationHashOf, rememberCreation, replayedTicketId } from './ticket-idempotency';
import { notifyRequester } from './ticket-notifications';
import { moveTicket, nextStatus } from './ticket-status';

/**
 * What requesters and customer service do to a ticket: filing it, and each
 * step of TICKET-5. Who may do what is in ticket-access.ts, which status
 * allows which step in ticket-status.ts.
 */

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

  const requestHash = creationHashOf(input);
  if (idempotencyKey !== null) {
    const earlier = replayedTicketId(state, account.id, idempotencyKey, requestHash);
    if (earlier !== null) return { ticket: ticketById(state, earlier), created: false };
  }

  refuseTooManyTickets(state, ctx, account.id);

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
  claimAttachments(attachments, ticketId);

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
    // TICKET-11: the password was typed for this request only at the login's
    // code step; the email code was just spent, or filing stopped above.
    verification: unbind
      ? { password: submittedFrom === 'login', email: input.emailCode !== undefined, submittedFrom }
      : null,
    cancelTokenHash: null,
    mfaUnboundAt: null,
    entries: [],
  };
  addTicketMessage(ctx, ticket, account, 'requester', input.description, input.attachmentIds);
  state.tickets.push(ticket);

  if (idempotencyKey !== null) {
    rememberCreation(state, ctx, {
      accountId: account.id,
      key: idempotencyKey,
      requestHash,
      ticketId,
    });
  }
  notifyRequester(state, ctx, ticket, { kind: 'received' });
  if (unbind) {
    recordAudit(state, ctx, account.id, 'ticket.unbind_requested', { ticket: ticket.number });
    // TICKET-12: the account's email hears of it, with a way to stop it.
    const token = base64Url(ctx.randomBytes(CANCEL_TOKEN_BYTES));
    ticket.cancelTokenHash = sha256Hex(token);
    notifyRequester(state, ctx, ticket, {
      kind: 'unbind_requested',
      cancelPath: `${appPaths.unbindRequestCancel.href}?token=${token}`,
    });
  }
  return { ticket, created: true };
}

/**
 * GUARD-5: an account files at most 10 tickets in any hour; the 11th is told
 * when the oldest of the ten leaves the window. A repeated Idempotency-Key
 * makes nothing new, so it is answered before this.
 */
function refuseTooManyTickets(state: ServerState, ctx: DomainContext, accountId: string): void {
  const since = ctx.now - TICKET_RATE_WINDOW_MS;
  const recent = state.tickets
    .filter((ticket) => ticket.requesterId === accountId && ticket.createdAt > since)
    .map((ticket) => ticket.createdAt)
    .sort((a, b) => a - b);
  if (recent.length < TICKET_MAX_PER_WINDOW) return;
  const oldest = recent[recent.length - TICKET_MAX_PER_WINDOW] ?? ctx.now;
  throw new DomainError('RATE_LIMITED', { retryAfterMs: oldest + TICKET_RATE_WINDOW_MS - ctx.now });
}

/** TICKET-5: the requester cancels a ticket nobody has picked up yet. */
export function cancelTicket(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  ticketId: string,
): TicketRecord {
  const ticket = ownTicket(state, ctx, session, ticketId);
  moveTicket(ticket, 'cancel', ctx.now);
  addTicketEvent(ctx, ticket, 'canceled');
  return ticket;
}

/**
 * TICKET-12: the link in the notice cancels an Unbind MFA request without a
 * session (whoever holds the mailbox is the account's owner), until an agent
 * has picked it up. The link works once.
 */
export function cancelUnbindRequest(
  state: ServerState,
  ctx: DomainContext,
  token: string,
): TicketRecord {
  settleTickets(state, ctx);
  const tokenHash = sha256Hex(token);
  const ticket = state.tickets.find(
    (candidate) =>
      candidate.cancelTokenHash !== null && digestsEqual(candidate.cancelTokenHash, tokenHash),
  );
  if (!ticket) throw new DomainError('NOT_FOUND');
  moveTicket(ticket, 'cancel', ctx.now);
  ticket.cancelTokenHash = null;
  addTicketEvent(ctx, ticket, 'canceled');
  recordAudit(state, ctx, ticket.requesterId, 'ticket.unbind_canceled', { ticket: ticket.number });
  notifyRequester(state, ctx, ticket, { kind: 'unbind_canceled' });
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
  moveTicket(ticket, 'restart', ctx.now);
  addTicketEvent(ctx, ticket, 'restarted');
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
  moveTicket(ticket, 'reply', ctx.now);
  claimAttachments(attachments, ticket.id);
  addTicketMessage(ctx, ticket, account, 'requester', reply.body, reply.attachmentIds);
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
  moveTicket(ticket, 'close', ctx.now);
  ticket.closedAt = ctx.now;
  addTicketEvent(ctx, ticket, 'closed_by_requester');
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
  moveTicket(ticket, 'accept', ctx.now);
  ticket.assigneeId = agent.id;
  addTicketEvent(ctx, ticket, 'accepted');
  notifyRequester(state, ctx, ticket, { kind: 'accepted' });
  return ticket;
}

function recordAgentReply(
  state: ServerState,
  ctx: DomainContext,
  ticket: TicketRecord,
  agent: AccountRecord,
  reply: ReplyRequest,
): void {
  claimAttachments(usableAttachments(state, agent, reply.attachmentIds), ticket.id);
  addTicketMessage(ctx, ticket, agent, 'agent', reply.body, reply.attachmentIds);
  ticket.feedbackAt = ctx.now;
  ticket.assigneeId ??= agent.id;
  notifyRequester(state, ctx, ticket, { kind: 'replied', reply: reply.body });
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
  moveTicket(ticket, 'agent_reply', ctx.now);
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
  moveTicket(ticket, 'agent_close', ctx.now);
  ticket.closedAt = ctx.now;
  addTicketEvent(ctx, ticket, 'closed_by_agent');
  notifyRequester(state, ctx, ticket, { kind: 'closed_by_agent' });
  return ticket;
}

/**
 * TICKET-7 / TICKET-9: after review, an agent unbinds the requester's MFA and
 * tells them. This is the only way a ticket unbinds anything. The agent proves
 * it is them with a fresh dynamic code of their own (TICKET-11), checked last,
 * so a ticket that cannot be processed costs no code; a wrong one counts
 * toward the agent's lockout (MOCK-4) and is returned to be written. Every
 * session of the requester ends (SESSION-2): whoever held one may be the
 * person who took the phone, and the requester logs in afresh.
 */
export function unbindRequesterMfa(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  ticketId: string,
  input: { reply: string; proof: KeyStepUp },
): TicketRecord | DomainError {
  const { agent, ticket } = processableTicket(state, ctx, session, ticketId);
  if (ticket.type !== 'unbind_mfa' || ticket.mfaUnboundAt !== null)
    throw new DomainError('TICKET_STATUS_CONFLICT');
  const requester = accountById(state, ticket.requesterId);
  if (!requester.mfa) throw new DomainError('MFA_NOT_BOUND');
  // A wrong code is written with nothing else changed, so the status is only checked here.
  if (nextStatus(ticket.status, 'unbind_mfa') === null)
    throw new DomainError('TICKET_STATUS_CONFLICT');
  // The agent's own app, or the agent's own key (KEY-2); never a recovery code.
  const refusal =
    'code' in input.proof
      ? checkBoundCode(state, ctx, agent, input.proof.code, 'support_unbind')
      : checkSecurityKey(state, ctx, agent, session, input.proof.securityKey, 'step-up');
  if (refusal) return refusal;
  moveTicket(ticket, 'unbind_mfa', ctx.now);

  removeBinding(state, ctx, requester, agent);
  // GUARD-4: customer service acting reopens what 100 failures in a row had blocked.
  reopenCodeEntry(requester);
  clearLoginThrottle(state, requester.email);
  endSessionsForAgent(state, ctx, requester.id);
  ticket.mfaUnboundAt = ctx.now;
  addTicketEvent(ctx, ticket, 'mfa_unbound');
  recordAudit(state, ctx, requester.id, 'ticket.unbind_processed', {
    ticket: ticket.number,
    ...agentDetail(agent),
  });
  recordAgentReply(state, ctx, ticket, agent, { body: input.reply, attachmentIds: [] });
  return ticket;
}
