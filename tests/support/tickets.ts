import { paths } from '@/api/paths';
import {
  ATTACHMENT_FILE_FIELD,
  ATTACHMENT_NAME_FIELD,
  type CreateTicketRequest,
  IDEMPOTENCY_KEY_HEADER,
} from '@/api/schemas/tickets';
import { findAccountByEmail } from '@/backend/domain/accounts';
import type { DomainContext } from '@/backend/domain/context';
import { DomainError } from '@/backend/domain/errors';
import { openSession } from '@/backend/domain/sessions';
import type { ServerState, SessionRecord, TicketRecord } from '@/backend/domain/state';
import { acceptTicket, replyAsAgent, submitTicket } from '@/backend/domain/tickets';
import type { ApiClient, ApiResponse } from './api-client';
import type { TestBackend } from './everything-by-default';

/** Opens a session for a demo account straight in the core, past the login steps. */
export async function sessionFor(
  server: TestBackend,
  email: string,
  state: SessionRecord['state'] = 'active',
): Promise<string> {
  return server.run((serverState, ctx) => {
    const account = findAccountByEmail(serverState, email);
    if (!account) throw new Error(`no account ${email}`);
    const workspaceId =
      serverState.memberships.find((membership) => membership.accountId === account.id)
        ?.workspaceId ?? null;
    return openSession(serverState, ctx, account, state, workspaceId).session.id;
  });
}

export function sessionIn(state: ServerState, sessionId: string): SessionRecord {
  const session = state.sessions.find((candidate) => candidate.id === sessionId);
  if (!session) throw new Error(`no session ${sessionId}`);
  return session;
}

export function ticketIn(state: ServerState, ticketId: string): TicketRecord {
  const ticket = state.tickets.find((candidate) => candidate.id === ticketId);
  if (!ticket) throw new Error(`no ticket ${ticketId}`);
  return ticket;
}

export const BUG_REPORT: CreateTicketRequest = {
  type: 'bug_report',
  title: 'Dashboards load slowly',
  description: 'The Demo Workspace dashboard takes 20 s to load.',
  attachmentIds: [],
};

/** Files a ticket in the core and returns its id. */
export async function fileTicket(
  server: TestBackend,
  sessionId: string,
  input: CreateTicketRequest = BUG_REPORT,
): Promise<string> {
  return server.run((state, ctx) => {
    const result = submitTicket(state, ctx, sessionIn(state, sessionId), input, null);
    if (result instanceof DomainError) return result;
    return result.ticket.id;
  });
}

/** Runs a step as an agent; the steps that lead a ticket to Feedback Provided. */
export function agentStep(
  step: 'accept' | 'reply',
): (state: ServerState, ctx: DomainContext, session: SessionRecord, ticketId: string) => void {
  return step === 'accept'
    ? (state, ctx, session, ticketId) => {
        acceptTicket(state, ctx, session, ticketId);
      }
    : (state, ctx, session, ticketId) => {
        replyAsAgent(state, ctx, session, ticketId, {
          body: 'Thanks, we are looking into it.',
          attachmentIds: [],
        });
      };
}

/** The refusal an operation threw, or a failed test when it went through. */
export async function refusalOf(run: Promise<unknown>): Promise<DomainError> {
  const outcome = await run.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof DomainError))
    throw new Error(`expected a refusal, got ${String(outcome)}`);
  return outcome;
}

/** A multipart upload from a simulated browser, as the app's client sends it. */
export async function uploadFile(
  client: ApiClient,
  name: string,
  content: Uint8Array<ArrayBuffer> | string,
  options: { nameField?: boolean } = {},
): Promise<ApiResponse> {
  const form = new FormData();
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  form.append(ATTACHMENT_FILE_FIELD, new File([bytes], name));
  if (options.nameField ?? true) form.append(ATTACHMENT_NAME_FIELD, name);
  return client.sendRaw('POST', paths.ticketAttachments.href, { body: form });
}

/** Creates a ticket with an Idempotency-Key, which ApiClient.post cannot send. */
export function createWithKey(client: ApiClient, json: unknown, key: string): Promise<ApiResponse> {
  return client.sendRaw('POST', paths.tickets.href, {
    body: JSON.stringify(json),
    headers: { 'Content-Type': 'application/json', [IDEMPOTENCY_KEY_HEADER]: key },
  });
}

/** The raw bytes of a download. */
export async function download(
  client: ApiClient,
  path: string,
): Promise<{ status: number; headers: Headers; bytes: Uint8Array }> {
  const response = await client.fetch(path);
  return {
    status: response.status,
    headers: response.headers,
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

/** The latest code emailed to an address, read from the outbox as a person would. */
export async function latestEmailCode(server: TestBackend, to: string): Promise<string> {
  const body = await server.run(
    (state) =>
      state.outbox.filter((mail) => mail.to === to && /code/i.test(mail.subject)).at(-1)?.body,
  );
  const code = /\b(\d{6})\b/.exec(body ?? '')?.[1];
  if (!code) throw new Error(`no code mailed to ${to}`);
  return code;
}
