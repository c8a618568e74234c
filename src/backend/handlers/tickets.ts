import { paths } from '@/api/paths';
import type { EmailCodeSent } from '@/api/schemas/mfa';
import {
  type Attachment,
  type CanceledUnbindRequest,
  cancelUnbindRequestSchema,
  createTicketRequestSchema,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeySchema,
  rateRequestSchema,
  replyRequestSchema,
  type SupportTicket,
  supportUnbindRequestSchema,
  type TicketCreated,
  type TicketDetail,
  type TicketEmailCodeStatus,
  type TicketListQuery,
  ticketListQueryFrom,
  ticketListQuerySchema,
} from '@/api/schemas/tickets';
import {
  discardUpload,
  purgeUnusedAttachments,
  readableAttachment,
  recordUpload,
} from '../domain/attachments';
import { DomainError } from '../domain/errors';
import type { KeyStepUp } from '../domain/security-keys';
import type { TicketRecord } from '../domain/state';
import { readTicket, ticketForAgent } from '../domain/ticket-access';
import { sendTicketEmailCode, ticketEmailCodeStatus } from '../domain/ticket-email-code';
import { myTickets, supportQueue, workspaceTickets } from '../domain/ticket-queries';
import {
  attachmentView,
  supportTicketView,
  ticketDetailView,
  ticketExportView,
  ticketPageView,
} from '../domain/ticket-views';
import {
  acceptTicket,
  cancelTicket,
  cancelUnbindRequest,
  closeAsAgent,
  closeAsRequester,
  rateTicket,
  replyAsAgent,
  replyAsRequester,
  restartTicket,
  submitTicket,
  unbindRequesterMfa,
} from '../domain/tickets';
import type { HandlerDeps } from './deps';
import { type Call, endpoints, type EndpointSpec } from './endpoint';
import { UNBIND_BY_AGENT_WITH_KEY } from './key-plans';
import { keyVerification } from './key-verification';
import { CALLER_EMAIL_SENDS, callerEmailCode, type EndpointPlan } from './load-plans';
import type { BodySpec, QuerySpec } from './request-input';
import { secondsUntil } from './respond';
import {
  ATTACHMENT,
  CALLER_UPLOADS,
  CANCEL_BY_LINK,
  MY_LIST,
  ONE_TICKET,
  QUEUE,
  SUBMIT,
  SUPPORT_TICKET,
  uploadById,
  WORKSPACE_LIST,
} from './ticket-plans';

const LIST_QUERY: QuerySpec<TicketListQuery> = {
  schema: ticketListQuerySchema,
  from: ticketListQueryFrom,
};

/** TICKET-2: the optional Idempotency-Key header, judged after the body like the rest of the input. */
function idempotencyKeyOf(headers: Headers): string | null {
  const header = headers.get(IDEMPOTENCY_KEY_HEADER);
  if (header === null) return null;
  const parsed = idempotencyKeySchema.safeParse(header);
  if (parsed.success) return parsed.data;
  throw new DomainError('VALIDATION_FAILED', {
    fieldErrors: { idempotencyKey: 'invalid_format' },
  });
}

/** Content-Disposition for any file name: an ASCII fallback and the UTF-8 original. */
function dispositionOf(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

type TicketParams = { ticketId: string };

/** A requester's step on their own ticket, answered with the ticket as they now see it. */
function requesterStep<S extends BodySpec | undefined>(
  body: S,
  load: EndpointPlan,
  act: (call: Call<'active', S, unknown, TicketParams>) => TicketRecord,
): EndpointSpec<'active', S, unknown, TicketParams, TicketDetail> {
  return {
    caller: 'active',
    body,
    load,
    run: (call) => ticketDetailView(call.state, act(call), true),
  };
}

/**
 * An agent's step on a ticket, answered with the ticket as the console shows it
 * (TICKET-7); a returned refusal (a wrong step-up code) is written, then thrown.
 */
function agentStep<S extends BodySpec | undefined, D = undefined>(
  body: S,
  load: EndpointPlan,
  act: (call: Call<'agent', S, unknown, TicketParams, D>) => TicketRecord | DomainError,
  prepare?: EndpointSpec<'agent', S, unknown, TicketParams, SupportTicket, D>['prepare'],
): EndpointSpec<'agent', S, unknown, TicketParams, SupportTicket, D> {
  return {
    caller: 'agent',
    body,
    ...(prepare ? { prepare } : {}),
    load,
    run: (call) => {
      const ticket = act(call);
      return ticket instanceof DomainError
        ? ticket
        : supportTicketView(call.state, call.ctx, ticket, call.session.accountId);
    },
  };
}

export function ticketHandlers(deps: HandlerDeps) {
  const { server } = deps;
  const endpoint = endpoints(deps);
  const keys = keyVerification(deps);
  return [
    // TICKET-4: the email code of an Unbind MFA ticket; open to a login owing its code (LOGIN-5).
    endpoint.get(paths.ticketEmailCode.pattern, {
      caller: 'ticket-submitter',
      noStore: true,
      load: CALLER_EMAIL_SENDS,
      run: ({ state, ctx, session }): TicketEmailCodeStatus => {
        const current = ticketEmailCodeStatus(state, ctx, session);
        return {
          maskedEmail: current.maskedEmail,
          resendInSeconds: secondsUntil(current.resendAvailableAt, ctx.now),
        };
      },
    }),

    endpoint.post(paths.ticketEmailCode.pattern, {
      caller: 'ticket-submitter',
      noStore: true,
      load: callerEmailCode('ticket'),
      run: ({ state, ctx, session }): EmailCodeSent => {
        const sent = sendTicketEmailCode(state, ctx, session);
        return { resendInSeconds: secondsUntil(sent.resendAvailableAt, ctx.now) ?? 0 };
      },
    }),

    // TICKET-3: an upload is checked by the core, then its bytes are stored beside the state.
    endpoint.post(paths.ticketAttachments.pattern, {
      caller: 'ticket-submitter',
      body: { kind: 'multipart' },
      load: CALLER_UPLOADS,
      run: ({ state, ctx, session, body }) => ({
        purged: purgeUnusedAttachments(state, ctx),
        record: recordUpload(state, ctx, session, { name: body.name, size: body.bytes.byteLength }),
        bytes: body.bytes,
      }),
      reply: async ({ purged, record, bytes }) => {
        await server.attachments.delete(purged);
        try {
          await server.attachments.put(record.id, bytes, record.contentType);
        } catch (error) {
          await server.run((state) => discardUpload(state, record.id), uploadById(record.id));
          throw error;
        }
        return { json: attachmentView(record) satisfies Attachment, status: 201 };
      },
    }),

    endpoint.get(paths.ticketAttachment.pattern, {
      caller: 'active',
      load: ATTACHMENT,
      run: ({ state, ctx, session, params }) =>
        readableAttachment(state, ctx, session, params.attachmentId),
      reply: async (record) => {
        const bytes = await server.attachments.get(record.id);
        if (bytes === null) throw new DomainError('NOT_FOUND');
        return {
          bytes,
          headers: {
            'Content-Type': record.contentType,
            'Content-Length': String(bytes.byteLength),
            'Content-Disposition': dispositionOf(record.name),
            'X-Content-Type-Options': 'nosniff',
            'Cache-Control': 'private, no-store',
          },
        };
      },
    }),

    // TICKET-1: My Tickets, and its export.
    endpoint.get(paths.tickets.pattern, {
      caller: 'active',
      query: LIST_QUERY,
      load: MY_LIST,
      run: ({ state, ctx, session, query }) =>
        ticketPageView(state, myTickets(state, ctx, session), query),
    }),

    endpoint.get(paths.ticketsExport.pattern, {
      caller: 'active',
      query: LIST_QUERY,
      load: MY_LIST,
      run: ({ state, ctx, session, query }) =>
        ticketExportView(state, myTickets(state, ctx, session), query),
    }),

    // TICKET-1: All Tickets of a workspace, and its export.
    endpoint.get(paths.workspaceTickets.pattern, {
      caller: 'workspace-member',
      query: LIST_QUERY,
      load: WORKSPACE_LIST,
      run: ({ state, ctx, session, access, query }) =>
        ticketPageView(state, workspaceTickets(state, ctx, session, access), query),
    }),

    endpoint.get(paths.workspaceTicketsExport.pattern, {
      caller: 'workspace-member',
      query: LIST_QUERY,
      load: WORKSPACE_LIST,
      run: ({ state, ctx, session, access, query }) =>
        ticketExportView(state, workspaceTickets(state, ctx, session, access), query),
    }),

    // TICKET-2: a double submit with the same Idempotency-Key makes one ticket.
    endpoint.post(paths.tickets.pattern, {
      caller: 'ticket-submitter',
      body: { kind: 'json', schema: createTicketRequestSchema },
      load: SUBMIT,
      run: ({ state, ctx, session, body, headers }) => {
        const result = submitTicket(state, ctx, session, body, idempotencyKeyOf(headers));
        if (result instanceof DomainError) return result;
        const { id, number, status } = result.ticket;
        return { ticket: { id, number, status } satisfies TicketCreated, created: result.created };
      },
      reply: ({ ticket, created }) =>
        created
          ? { json: ticket, status: 201 }
          : { json: ticket, headers: { 'Idempotent-Replayed': 'true' } },
    }),

    endpoint.get(paths.ticket.pattern, {
      caller: 'active',
      load: ONE_TICKET,
      run: ({ state, ctx, session, params }) => {
        const { ticket, own } = readTicket(state, ctx, session, params.ticketId);
        return ticketDetailView(state, ticket, own);
      },
    }),

    // TICKET-12: the link in the notice email cancels the request, no session needed.
    endpoint.post(paths.unbindRequestCancel.pattern, {
      caller: 'visitor',
      body: { kind: 'json', schema: cancelUnbindRequestSchema },
      noStore: true,
      load: CANCEL_BY_LINK,
      run: ({ state, ctx, body }): CanceledUnbindRequest => {
        const ticket = cancelUnbindRequest(state, ctx, body.token);
        return { number: ticket.number, status: ticket.status };
      },
    }),

    endpoint.post(
      paths.ticketCancel.pattern,
      requesterStep(undefined, ONE_TICKET, ({ state, ctx, session, params }) =>
        cancelTicket(state, ctx, session, params.ticketId),
      ),
    ),

    endpoint.post(
      paths.ticketRestart.pattern,
      requesterStep(undefined, ONE_TICKET, ({ state, ctx, session, params }) =>
        restartTicket(state, ctx, session, params.ticketId),
      ),
    ),

    endpoint.post(
      paths.ticketClose.pattern,
      requesterStep(undefined, ONE_TICKET, ({ state, ctx, session, params }) =>
        closeAsRequester(state, ctx, session, params.ticketId),
      ),
    ),

    endpoint.post(
      paths.ticketReplies.pattern,
      requesterStep(
        { kind: 'json', schema: replyRequestSchema },
        ONE_TICKET,
        ({ state, ctx, session, params, body }) =>
          replyAsRequester(state, ctx, session, params.ticketId, body),
      ),
    ),

    endpoint.post(
      paths.ticketRating.pattern,
      requesterStep(
        { kind: 'json', schema: rateRequestSchema },
        ONE_TICKET,
        ({ state, ctx, session, params, body }) =>
          rateTicket(state, ctx, session, params.ticketId, body),
      ),
    ),

    // TICKET-7: the customer-service console.
    endpoint.get(paths.supportTickets.pattern, {
      caller: 'agent',
      query: LIST_QUERY,
      load: QUEUE,
      run: ({ state, ctx, session, query }) =>
        ticketPageView(state, supportQueue(state, ctx, session), query),
    }),

    endpoint.get(paths.supportTicket.pattern, {
      caller: 'agent',
      load: SUPPORT_TICKET,
      run: ({ state, ctx, session, params }) => {
        const { agent, ticket } = ticketForAgent(state, ctx, session, params.ticketId);
        return supportTicketView(state, ctx, ticket, agent.id);
      },
    }),

    endpoint.post(
      paths.supportTicketAccept.pattern,
      agentStep(undefined, SUPPORT_TICKET, ({ state, ctx, session, params }) =>
        acceptTicket(state, ctx, session, params.ticketId),
      ),
    ),

    endpoint.post(
      paths.supportTicketClose.pattern,
      agentStep(undefined, SUPPORT_TICKET, ({ state, ctx, session, params }) =>
        closeAsAgent(state, ctx, session, params.ticketId),
      ),
    ),

    endpoint.post(
      paths.supportTicketReplies.pattern,
      agentStep(
        { kind: 'json', schema: replyRequestSchema },
        SUPPORT_TICKET,
        ({ state, ctx, session, params, body }) =>
          replyAsAgent(state, ctx, session, params.ticketId, body),
      ),
    ),

    // TICKET-9: the agent's step-up may be a key of the agent's (KEY-2), verified off the transaction.
    endpoint.post(
      paths.supportTicketUnbindMfa.pattern,
      agentStep<{ kind: 'json'; schema: typeof supportUnbindRequestSchema }, KeyStepUp>(
        { kind: 'json', schema: supportUnbindRequestSchema },
        UNBIND_BY_AGENT_WITH_KEY,
        ({ state, ctx, session, params, body, prepared }) =>
          unbindRequesterMfa(state, ctx, session, params.ticketId, {
            reply: body.reply,
            proof: prepared,
          }),
        ({ body, read }) => keys.keyStepUpOf(read, body),
      ),
    ),
  ];
}
