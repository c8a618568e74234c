import { http, type HttpHandler, HttpResponse, type JsonBodyType } from 'msw';
import type * as z from 'zod/mini';
import { JSON_BODY_MAX_BYTES, MULTIPART_FRAMING_MAX_BYTES } from '@/api/limits';
import { fieldErrorsOf } from '@/api/schemas/common';
import {
  ATTACHMENT_FILE_FIELD,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_NAME_FIELD,
} from '@/api/schemas/tickets';
import type { DomainContext } from '../domain/context';
import { DomainError } from '../domain/errors';
import { requireEnrollmentAccess } from '../domain/mfa';
import { authenticate, peekSession, requireActive, requirePendingState } from '../domain/sessions';
import type { ServerState, SessionRecord } from '../domain/state';
import { requireAgent, requireTicketSubmitter } from '../domain/ticket-access';
import { requireOwner, type WorkspaceAccess, workspaceGate } from '../domain/workspaces';
import type { MockServer } from '../server';
import type { HandlerDeps } from './deps';
import { errorResponse, NO_STORE } from './respond';

/**
 * Who may call an endpoint, by the state of their session (LOGIN-2, LOGIN-5).
 * It is settled before anything the request carries is judged.
 */
export type Caller =
  /** No session is looked at: the dev tools (MOCK-8). */
  | 'anyone'
  /** The request's session if it holds a live one, else none: log in, log out, read the session. */
  | 'visitor'
  /** A login that owes its MFA code (LOGIN-3). */
  | 'code-owed'
  /** An account binding MFA: active, or owing the binding (BIND-1 to BIND-5, LOGIN-4). */
  | 'enrolling'
  /** Active, or owing the MFA code: the Unbind MFA ticket from the login (TICKET-8). */
  | 'ticket-submitter'
  | 'active'
  /** Active customer service (TICKET-7). */
  | 'agent'
  /** Active, a member of the path's `:workspaceId`, owing it no binding (MANDATORY-3). */
  | 'workspace-member'
  /** The same, and its Owner (MANDATORY-1). */
  | 'workspace-owner';

/** An uploaded file: the multipart `file` part, named by the `name` part when there is one. */
export interface Upload {
  name: string;
  bytes: ArrayBuffer;
}

/**
 * What an endpoint reads from the request's body, judged against the contract
 * only once the caller is settled. Each kind has its media type (GUARD-1) and
 * its size limit (GUARD-5).
 */
export type BodySpec<B = unknown> =
  | { kind: 'json'; schema: z.ZodMiniType<B> }
  /** TICKET-3: a multipart/form-data upload of one file. */
  | { kind: 'multipart' };

/** A list's query, read from the URL and judged like a body. */
export interface QuerySpec<Q> {
  schema: z.ZodMiniType<Q>;
  from: (params: URLSearchParams) => unknown;
}

/** The `:name` parameters of a route pattern. */
export type ParamsOf<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & ParamsOf<Rest>
  : Path extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, never>;

type BodyOf<S> = S extends { kind: 'json'; schema: z.ZodMiniType<infer B> }
  ? B
  : S extends { kind: 'multipart' }
    ? Upload
    : undefined;

type SessionOf<C extends Caller> = C extends 'anyone'
  ? null
  : C extends 'visitor'
    ? SessionRecord | null
    : SessionRecord;

/** What an operation is given: the transaction, the settled caller and the judged input. */
export type Call<C extends Caller, S, Q, P, D = undefined> = {
  state: ServerState;
  ctx: DomainContext;
  session: SessionOf<C>;
  body: BodyOf<S>;
  query: Q;
  params: P;
  /** What `prepare` made ready before the transaction. */
  prepared: D;
  headers: Headers;
  /** The client's session becomes this token (null: none) once the transaction is written. */
  setSessionToken(token: string | null): void;
} & (C extends 'workspace-member' | 'workspace-owner' ? { access: WorkspaceAccess } : unknown);

/** What an endpoint answers when it succeeds; refusals are DomainErrors. */
export type Reply =
  | { json: JsonBodyType; status?: 200 | 201; headers?: Record<string, string> }
  | { bytes: ArrayBuffer; headers: Record<string, string> }
  | { status: 204 };

export interface EndpointSpec<
  C extends Caller,
  S extends BodySpec | undefined,
  Q,
  P,
  R,
  D = undefined,
> {
  caller: C;
  body?: S;
  query?: QuerySpec<Q>;
  /** MOCK-6: every answer, success or refusal, carries Cache-Control: no-store. */
  noStore?: boolean;
  /**
   * Slow work a transaction must not wait on, such as hashing a password
   * (GUARD-7): it may read what it needs in a transaction of its own, works
   * off the transaction, and hands its result to `run`, which decides.
   */
  prepare?: (input: { body: BodyOf<S>; read: MockServer['run'] }) => Promise<D>;
  /** The operation: one transaction, run once the caller is settled and the input judged. */
  run?: (call: Call<C, S, Q, P, D>) => R | DomainError;
  /** The answer once the transaction is written; by default the result as JSON, or 204 for none. */
  reply?: (result: R, params: P) => Reply | Promise<Reply>;
}

type Method = 'get' | 'post' | 'put' | 'delete';

/** GUARD-1: the media type a body of each kind must be sent as. */
const MEDIA_TYPE = { json: 'application/json', multipart: 'multipart/form-data' } as const;
/** GUARD-5: the most bytes read of a body of each kind. */
const BODY_MAX_BYTES = {
  json: JSON_BODY_MAX_BYTES,
  multipart: ATTACHMENT_MAX_BYTES + MULTIPART_FRAMING_MAX_BYTES,
} as const;

/** The request's input as read, before it is judged. */
interface Input {
  body:
    | { kind: 'none' }
    | { kind: 'json'; value: unknown; readable: boolean }
    | { kind: 'multipart'; upload: Upload | null };
  query: unknown;
}

/**
 * The one way an endpoint of the mock server is made (HOUSE rule 12): it reads
 * the session token, settles who the caller is, then judges the body and the
 * query against the contract (MOCK-1), runs one transaction, writes the new
 * session token if one was issued, and maps every refusal to the contract's
 * error body. A caller without the right session learns nothing about what a
 * valid body looks like (LOGIN-5).
 */
export function endpoints({ server, jar, origin }: HandlerDeps) {
  function endpoint<
    Path extends string,
    C extends Caller,
    S extends BodySpec | undefined,
    Q,
    R,
    D = undefined,
  >(method: Method, path: Path, spec: EndpointSpec<C, S, Q, ParamsOf<Path>, R, D>): HttpHandler {
    return http[method](path, async ({ request, params: rawParams }) => {
      try {
        const params = rawParams as ParamsOf<Path>;
        if (method !== 'get') refuseCrossSite(request, spec.body, origin);
        const token = spec.caller === 'anyone' ? null : jar.read(request);
        // GUARD-5: who is calling is settled before a byte of the body is read;
        // the transaction below settles it again, as the state may have moved.
        if (spec.body) {
          await server.run((state, ctx) => {
            const admitted = admit(state, ctx, spec.caller, token, params);
            return admitted instanceof DomainError ? admitted : undefined;
          });
        }
        // Read and judged before the transaction, which cannot span an await,
        // once the caller is settled.
        const input = await readInput(request, spec);
        const body = judgeBody(input.body, spec.body) as BodyOf<S>;
        const prepared = spec.prepare
          ? await spec.prepare({ body, read: (operation) => server.run(operation) })
          : (undefined as D);
        let issued: string | null | undefined;
        const result =
          spec.caller === 'anyone' && !spec.run
            ? (undefined as R)
            : await server.run((state, ctx) => {
                const admitted = admit(state, ctx, spec.caller, token, params);
                if (admitted instanceof DomainError) return admitted;
                const call = {
                  state,
                  ctx,
                  ...admitted,
                  body,
                  query: spec.query ? judge(spec.query.schema, input.query) : undefined,
                  params,
                  prepared,
                  headers: request.headers,
                  setSessionToken: (next: string | null) => {
                    issued = next;
                  },
                  // The caller's conditional types cannot be followed through admit().
                } as unknown as Call<C, S, Q, ParamsOf<Path>, D>;
                return spec.run ? spec.run(call) : (undefined as R);
              });
        const reply = spec.reply
          ? await spec.reply(result, params)
          : result === undefined
            ? ({ status: 204 } as const)
            : { json: result as JsonBodyType };
        const headers = new Headers(spec.noStore ? NO_STORE : undefined);
        if (issued !== undefined) jar.write(headers, issued);
        return responseOf(reply, headers);
      } catch (error) {
        return errorResponse(error);
      }
    });
  }

  const by =
    (method: Method) =>
    <Path extends string, C extends Caller, S extends BodySpec | undefined, Q, R, D = undefined>(
      path: Path,
      spec: EndpointSpec<C, S, Q, ParamsOf<Path>, R, D>,
    ) =>
      endpoint(method, path, spec);
  return { get: by('get'), post: by('post'), put: by('put'), delete: by('delete') };
}

/**
 * Settles who the caller is, or refuses them. A refusal that changed something
 * (entering a workspace that owes a binding) is returned, to be thrown once
 * the change is written.
 */
function admit(
  state: ServerState,
  ctx: DomainContext,
  caller: Caller,
  token: string | null,
  params: Record<string, string>,
): { session: SessionRecord | null; access?: WorkspaceAccess } | DomainError {
  if (caller === 'anyone') return { session: null };
  if (caller === 'visitor') return { session: peekSession(state, ctx, token) };
  const session = authenticate(state, ctx, token);
  switch (caller) {
    case 'code-owed':
      requirePendingState(session, 'mfa_required');
      break;
    case 'enrolling':
      requireEnrollmentAccess(state, session);
      break;
    case 'ticket-submitter':
      requireTicketSubmitter(session);
      break;
    case 'active':
      requireActive(session);
      break;
    case 'agent':
      requireAgent(state, session);
      break;
    case 'workspace-member':
    case 'workspace-owner': {
      const access = workspaceGate(state, ctx, session, params.workspaceId ?? '');
      if (access instanceof DomainError) return access;
      if (caller === 'workspace-owner') requireOwner(access);
      return { session, access };
    }
  }
  return { session };
}

/** The media type of a Content-Type header, without its parameters; null for none. */
function mediaTypeOf(header: string | null): string | null {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type ? type : null;
}

/**
 * GUARD-1: what a page of another site can make a browser send is refused
 * before anything else. A state-changing request from another origin is 403;
 * a body in any other media type than the endpoint's (a form post, or
 * `text/plain` JSON) is 415, and so is a body sent without any type.
 */
function refuseCrossSite(request: Request, body: BodySpec | undefined, origin: string): void {
  const from = request.headers.get('Origin');
  if (from !== null && from !== origin) throw new DomainError('ORIGIN_NOT_ALLOWED');
  const type = mediaTypeOf(request.headers.get('Content-Type'));
  // Without a type, whether there is a body at all is known once it is read (readInput).
  if (type !== null && type !== MEDIA_TYPE[body?.kind ?? 'json']) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
  }
}

/**
 * GUARD-5: a body's bytes, never more than `maxBytes` of them: a declared
 * length over the limit is refused unread, and a stream is cut off as soon as
 * it passes the limit.
 */
async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('Content-Length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw new DomainError('PAYLOAD_TOO_LARGE');
  if (request.body === null) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Not awaited: a sender still pushing would hold the answer back.
      void reader.cancel().catch(() => undefined);
      throw new DomainError('PAYLOAD_TOO_LARGE');
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Reads what the endpoint takes from the request, within its size limit; nothing is judged yet. */
async function readInput(
  request: Request,
  spec: { body?: BodySpec; query?: QuerySpec<unknown> },
): Promise<Input> {
  const query = spec.query?.from(new URL(request.url).searchParams);
  if (!spec.body) return { body: { kind: 'none' }, query };
  const bytes = await readCapped(request, BODY_MAX_BYTES[spec.body.kind]);
  if (bytes.byteLength > 0 && request.headers.get('Content-Type') === null) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
  }
  if (spec.body.kind === 'multipart') {
    const type = request.headers.get('Content-Type') ?? '';
    return { body: { kind: 'multipart', upload: await readUpload(bytes, type) }, query };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { body: { kind: 'json', value: JSON.parse(text) as unknown, readable: true }, query };
  } catch {
    return { body: { kind: 'json', value: undefined, readable: false }, query };
  }
}

/** Some runtimes lose the filename of a multipart part, so the client also sends it as `name`. */
async function readUpload(
  bytes: Uint8Array<ArrayBuffer>,
  contentType: string,
): Promise<Upload | null> {
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { 'Content-Type': contentType } }).formData();
  } catch {
    return null;
  }
  const file = form.get(ATTACHMENT_FILE_FIELD);
  const name = form.get(ATTACHMENT_NAME_FIELD);
  if (file === null || typeof file === 'string') return null;
  return {
    name: typeof name === 'string' && name !== '' ? name : file.name,
    bytes: await file.arrayBuffer(),
  };
}

function judgeBody(body: Input['body'], spec: BodySpec | undefined): unknown {
  if (body.kind === 'multipart') {
    if (body.upload === null) {
      throw new DomainError('VALIDATION_FAILED', { fieldErrors: { file: 'required' } });
    }
    return body.upload;
  }
  if (body.kind === 'json' && spec?.kind === 'json') {
    if (!body.readable) {
      throw new DomainError('VALIDATION_FAILED', { fieldErrors: { _: 'invalid_json' } });
    }
    return judge(spec.schema, body.value);
  }
  return undefined;
}

/** MOCK-1: input the contract refuses is a 400 naming each field, never a crash. */
function judge<T>(schema: z.ZodMiniType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new DomainError('VALIDATION_FAILED', { fieldErrors: fieldErrorsOf(parsed.error, input) });
}

function responseOf(reply: Reply, headers: Headers): Response {
  if ('json' in reply) {
    for (const [name, value] of Object.entries(reply.headers ?? {})) headers.set(name, value);
    return HttpResponse.json(reply.json, { status: reply.status ?? 200, headers });
  }
  if ('bytes' in reply) {
    for (const [name, value] of Object.entries(reply.headers)) headers.set(name, value);
    return new HttpResponse(reply.bytes, { headers });
  }
  return new HttpResponse(null, { status: reply.status, headers });
}
