import { HttpResponse } from 'msw';
import type * as z from 'zod/mini';
import { API, paths } from '@/api/paths';
import { fieldErrorsOf } from '@/api/schemas/common';
import {
  ATTACHMENT_FILE_FIELD,
  ATTACHMENT_NAME_FIELD,
  createTicketRequestSchema,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeySchema,
  rateRequestSchema,
  replyRequestSchema,
  supportUnbindRequestSchema,
  ticketListQueryFrom,
  ticketListQuerySchema,
  type Attachment,
  type SupportTicket,
  type TicketCreated,
  type TicketDetail,
  type TicketEmailCodeStatus,
  type TicketListQuery,
  type TicketPage,
  type TicketSummary,
} from '@/api/schemas/tickets';
import {
  discardUpload,
  purgeUnusedAttachments,
  readableAttachment,
  recordUpload,
} from '../domain/attachments';
import type { DomainContext } from '../domain/context';
import { DomainError } from '../domain/errors';
import { authenticate } from '../domain/sessions';
import type { ServerState, SessionRecord, TicketRecord } from '../domain/state';
import { TICKET_EXPORT_MAX_ROWS } from '../domain/limits';
import {
  attachmentView,
  supportTicketView,
  ticketDetailView,
  ticketSummaryView,
} from '../domain/ticket-views';
import { readTicket, ticketForAgent } from '../domain/ticket-access';
import { sendTicketEmailCode, ticketEmailCodeStatus } from '../domain/ticket-email-code';
import {
  filterTickets,
  myTickets,
  pageOf,
  supportQueue,
  workspaceTickets,
} from '../domain/ticket-queries';
import {
  acceptTicket,
  cancelTicket,
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
import { NO_STORE, readBody, route, secondsUntil } from './respond';

type TicketParams = { ticketId: string };
type WorkspaceParams = { workspaceId: string };
type AttachmentParams = { attachmentId: string };

interface Verdict<T> {
  value: () => T;
}

function verdictOf<T>(schema: z.ZodMiniType<T>, input: unknown): Verdict<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { value: () => parsed.data };
  const fieldErrors = fieldErrorsOf(parsed.error, input);
  return {
    value: () => {
      throw new DomainError('VALIDATION_FAILED', { fieldErrors });
    },
  };
}

/** The list query from the URL, checked like a body: opened after the session is. */
function readQuery(request: Request): Verdict<TicketListQuery> {
  return verdictOf(ticketListQuerySchema, ticketListQueryFrom(new URL(request.url).searchParams));
}

function readIdempotencyKey(request: Request): Verdict<string | null> {
  const header = request.headers.get(IDEMPOTENCY_KEY_HEADER);
  if (header === null) return { value: () => null };
  const verdict = verdictOf(idempotencyKeySchema, header);
  return {
    value: () => {
      try {
        return verdict.value();
      } catch {
        throw new DomainError('VALIDATION_FAILED', {
          fieldErrors: { idempotencyKey: 'invalid_format' },
        });
      }
    },
  };
}

interface Upload {
  name: string;
  bytes: ArrayBuffer;
}

/**
 * A multipart upload: the `file` part, named by the `name` part when the client
 * sent one (some runtimes lose the filename of a part).
 */
async function readUpload(request: Request): Promise<Verdict<Upload>> {
  let form: FormData | null = null;
  try {
    form = await request.formData();
  } catch {
    form = null;
  }
  const file = form?.get(ATTACHMENT_FILE_FIELD) ?? null;
  const name = form?.get(ATTACHMENT_NAME_FIELD) ?? null;
  if (file === null || typeof file === 'string') {
    return {
      value: () => {
        throw new DomainError('VALIDATION_FAILED', { fieldErrors: { file: 'required' } });
      },
    };
  }
  const upload: Upload = {
    name: typeof name === 'string' && name !== '' ? name : file.name,
    bytes: await file.arrayBuffer(),
  };
  return { value: () => upload };
}

function pageView(state: ServerState, tickets: TicketRecord[], query: TicketListQuery): TicketPage {
  const page = pageOf(tickets, query);
  return { ...page, tickets: page.tickets.map((ticket) => ticketSummaryView(state, ticket)) };
}

function exportView(
  state: ServerState,
  tickets: TicketRecord[],
  query: TicketListQuery,
): { tickets: TicketSummary[] } {
  return {
    tickets: filterTickets(tickets, query)
      .slice(0, TICKET_EXPORT_MAX_ROWS)
      .map((ticket) => ticketSummaryView(state, ticket)),
  };
}

/** Content-Disposition for any file name: an ASCII fallback and the UTF-8 original. */
function dispositionOf(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function ticketHandlers({ server, jar }: HandlerDeps) {
  /** Runs a requester's action and answers the ticket as they now see it. */
  async function asRequester(
    request: Request,
    act: (state: ServerState, ctx: DomainContext, session: SessionRecord) => TicketRecord,
  ): Promise<Response> {
    const token = jar.read(request);
    const view = await server.run((state, ctx) => {
      const ticket = act(state, ctx, authenticate(state, ctx, token));
      return ticketDetailView(state, ticket, true);
    });
    return HttpResponse.json<TicketDetail>(view);
  }

  /** Runs an agent's action and answers the ticket as the console shows it. */
  async function asAgent(
    request: Request,
    act: (state: ServerState, ctx: DomainContext, session: SessionRecord) => TicketRecord,
  ): Promise<Response> {
    const token = jar.read(request);
    const view = await server.run((state, ctx) => {
      const session = authenticate(state, ctx, token);
      const ticket = act(state, ctx, session);
      return supportTicketView(state, ticket, session.accountId);
    });
    return HttpResponse.json<SupportTicket>(view);
  }

  return [
    // TICKET-4: the email code of an Unbind MFA ticket; open to a login owing its code (LOGIN-5).
    route.get(paths.ticketEmailCode, async ({ request }) => {
      const token = jar.read(request);
      const status = await server.run((state, ctx) => {
        const current = ticketEmailCodeStatus(state, ctx, authenticate(state, ctx, token));
        return {
          maskedEmail: current.maskedEmail,
          resendInSeconds: secondsUntil(current.resendAvailableAt, ctx.now),
        };
      });
      return HttpResponse.json<TicketEmailCodeStatus>(status, { headers: NO_STORE });
    }),

    route.post(paths.ticketEmailCode, async ({ request }) => {
      const token = jar.read(request);
      const resendInSeconds = await server.run((state, ctx) => {
        const sent = sendTicketEmailCode(state, ctx, authenticate(state, ctx, token));
        return secondsUntil(sent.resendAvailableAt, ctx.now) ?? 0;
      });
      return HttpResponse.json({ resendInSeconds }, { headers: NO_STORE });
    }),

    // TICKET-3: an upload is checked by the core, then its bytes are stored beside the state.
    route.post(paths.ticketAttachments, async ({ request }) => {
      const token = jar.read(request);
      const upload = await readUpload(request);
      const { record, purged } = await server.run((state, ctx) => {
        const session = authenticate(state, ctx, token);
        const { name, bytes } = upload.value();
        return {
          purged: purgeUnusedAttachments(state, ctx),
          record: recordUpload(state, ctx, session, { name, size: bytes.byteLength }),
        };
      });
      await server.attachments.delete(purged);
      try {
        await server.attachments.put(record.id, upload.value().bytes, record.contentType);
      } catch (error) {
        await server.run((state) => discardUpload(state, record.id));
        throw error;
      }
      return HttpResponse.json<Attachment>(attachmentView(record), { status: 201 });
    }),

    route.get<AttachmentParams>(
      `${API}/tickets/attachments/:attachmentId`,
      async ({ request, params }) => {
        const token = jar.read(request);
        const record = await server.run((state, ctx) =>
          readableAttachment(state, ctx, authenticate(state, ctx, token), params.attachmentId),
        );
        const bytes = await server.attachments.get(record.id);
        if (bytes === null) throw new DomainError('NOT_FOUND');
        return new HttpResponse(bytes, {
          headers: {
            'Content-Type': record.contentType,
            'Content-Length': String(bytes.byteLength),
            'Content-Disposition': dispositionOf(record.name),
            'X-Content-Type-Options': 'nosniff',
            'Cache-Control': 'private, no-store',
          },
        });
      },
    ),

    // TICKET-1: My Tickets, and its export.
    route.get(paths.tickets, async ({ request }) => {
      const token = jar.read(request);
      const query = readQuery(request);
      const page = await server.run((state, ctx) => {
        const tickets = myTickets(state, ctx, authenticate(state, ctx, token));
        return pageView(state, tickets, query.value());
      });
      return HttpResponse.json<TicketPage>(page);
    }),

    route.get(paths.ticketsExport, async ({ request }) => {
      const token = jar.read(request);
      const query = readQuery(request);
      const rows = await server.run((state, ctx) => {
        const tickets = myTickets(state, ctx, authenticate(state, ctx, token));
        return exportView(state, tickets, query.value());
      });
      return HttpResponse.json(rows);
    }),

    // TICKET-1: All Tickets of a workspace, and its export.
    route.get<WorkspaceParams>(
      `${API}/workspaces/:workspaceId/tickets`,
      async ({ request, params }) => {
        const token = jar.read(request);
        const query = readQuery(request);
        const page = await server.run((state, ctx) => {
          const session = authenticate(state, ctx, token);
          const tickets = workspaceTickets(state, ctx, session, params.workspaceId);
          return pageView(state, tickets, query.value());
        });
        return HttpResponse.json<TicketPage>(page);
      },
    ),

    route.get<WorkspaceParams>(
      `${API}/workspaces/:workspaceId/tickets/export`,
      async ({ request, params }) => {
        const token = jar.read(request);
        const query = readQuery(request);
        const rows = await server.run((state, ctx) => {
          const session = authenticate(state, ctx, token);
          const tickets = workspaceTickets(state, ctx, session, params.workspaceId);
          return exportView(state, tickets, query.value());
        });
        return HttpResponse.json(rows);
      },
    ),

    // TICKET-2: a double submit with the same Idempotency-Key makes one ticket.
    route.post(paths.tickets, async ({ request }) => {
      const token = jar.read(request);
      const body = await readBody(request, createTicketRequestSchema);
      const key = readIdempotencyKey(request);
      const { ticket, created } = await server.run((state, ctx) => {
        const session = authenticate(state, ctx, token);
        const result = submitTicket(state, ctx, session, body.value(), key.value());
        if (result instanceof DomainError) return result;
        return {
          created: result.created,
          ticket: {
            id: result.ticket.id,
            number: result.ticket.number,
            status: result.ticket.status,
          },
        };
      });
      return HttpResponse.json<TicketCreated>(ticket, {
        status: created ? 201 : 200,
        headers: created ? {} : { 'Idempotent-Replayed': 'true' },
      });
    }),

    route.get<TicketParams>(`${API}/tickets/:ticketId`, async ({ request, params }) => {
      const token = jar.read(request);
      const view = await server.run((state, ctx) => {
        const session = authenticate(state, ctx, token);
        const { ticket, own } = readTicket(state, ctx, session, params.ticketId);
        return ticketDetailView(state, ticket, own);
      });
      return HttpResponse.json<TicketDetail>(view);
    }),

    route.post<TicketParams>(`${API}/tickets/:ticketId/cancel`, ({ request, params }) =>
      asRequester(request, (state, ctx, session) =>
        cancelTicket(state, ctx, session, params.ticketId),
      ),
    ),

    route.post<TicketParams>(`${API}/tickets/:ticketId/restart`, ({ request, params }) =>
      asRequester(request, (state, ctx, session) =>
        restartTicket(state, ctx, session, params.ticketId),
      ),
    ),

    route.post<TicketParams>(`${API}/tickets/:ticketId/close`, ({ request, params }) =>
      asRequester(request, (state, ctx, session) =>
        closeAsRequester(state, ctx, session, params.ticketId),
      ),
    ),

    route.post<TicketParams>(`${API}/tickets/:ticketId/replies`, async ({ request, params }) => {
      const body = await readBody(request, replyRequestSchema);
      return asRequester(request, (state, ctx, session) => {
        readTicket(state, ctx, session, params.ticketId);
        return replyAsRequester(state, ctx, session, params.ticketId, body.value());
      });
    }),

    route.post<TicketParams>(`${API}/tickets/:ticketId/rating`, async ({ request, params }) => {
      const body = await readBody(request, rateRequestSchema);
      return asRequester(request, (state, ctx, session) => {
        readTicket(state, ctx, session, params.ticketId);
        return rateTicket(state, ctx, session, params.ticketId, body.value());
      });
    }),

    // TICKET-7: the customer-service console.
    route.get(paths.supportTickets, async ({ request }) => {
      const token = jar.read(request);
      const query = readQuery(request);
      const page = await server.run((state, ctx) => {
        const tickets = supportQueue(state, ctx, authenticate(state, ctx, token));
        return pageView(state, tickets, query.value());
      });
      return HttpResponse.json<TicketPage>(page);
    }),

    route.get<TicketParams>(`${API}/support/tickets/:ticketId`, async ({ request, params }) => {
      const token = jar.read(request);
      const view = await server.run((state, ctx) => {
        const session = authenticate(state, ctx, token);
        const { agent, ticket } = ticketForAgent(state, ctx, session, params.ticketId);
        return supportTicketView(state, ticket, agent.id);
      });
      return HttpResponse.json<SupportTicket>(view);
    }),

    route.post<TicketParams>(`${API}/support/tickets/:ticketId/accept`, ({ request, params }) =>
      asAgent(request, (state, ctx, session) => acceptTicket(state, ctx, session, params.ticketId)),
    ),

    route.post<TicketParams>(`${API}/support/tickets/:ticketId/close`, ({ request, params }) =>
      asAgent(request, (state, ctx, session) => closeAsAgent(state, ctx, session, params.ticketId)),
    ),

    route.post<TicketParams>(
      `${API}/support/tickets/:ticketId/replies`,
      async ({ request, params }) => {
        const body = await readBody(request, replyRequestSchema);
        return asAgent(request, (state, ctx, session) => {
          ticketForAgent(state, ctx, session, params.ticketId);
          return replyAsAgent(state, ctx, session, params.ticketId, body.value());
        });
      },
    ),

    route.post<TicketParams>(
      `${API}/support/tickets/:ticketId/unbind-mfa`,
      async ({ request, params }) => {
        const body = await readBody(request, supportUnbindRequestSchema);
        return asAgent(request, (state, ctx, session) => {
          ticketForAgent(state, ctx, session, params.ticketId);
          return unbindRequesterMfa(state, ctx, session, params.ticketId, body.value().reply);
        });
      },
    ),
  ];
}
