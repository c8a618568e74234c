import { http, type HttpHandler, HttpResponse, type JsonBodyType } from 'msw';
import type * as z from 'zod/mini';
import { languageOfHeader } from '@/api/languages';
import type { SessionEndCause } from '@/api/session-end-causes';
import type { Backend, ServerPlan } from '../backend';
import type { DomainContext } from '../domain/context';
import { sha256Hex } from '../domain/encoding';
import { endedCauseOf } from '../domain/ended-sessions';
import { DomainError } from '../domain/errors';
import { rememberCallerLanguage } from '../domain/mail';
import { requireEnrollmentAccess } from '../domain/mfa';
import { authenticate, peekSession, requireActive, requirePendingState } from '../domain/sessions';
import type { ServerState, SessionRecord } from '../domain/state';
import { requireAgent, requireTicketSubmitter } from '../domain/ticket-access';
import { requireOwner, type WorkspaceAccess, workspaceGate } from '../domain/workspaces';
import type { HandlerDeps } from './deps';
import { ADMISSION_PLAN, type EndpointPlan } from './load-plans';
import {
  type BodySpec,
  judge,
  judgeBody,
  type QuerySpec,
  readInput,
  refuseCrossSite,
  type Upload,
} from './request-input';
import { errorResponse, NO_STORE } from './respond';

/**
 * Who may call an endpoint, by the state of their session (LOGIN-2, LOGIN-5):
 * each key is one kind of caller, settled by admit() below before anything the
 * request carries is judged.
 */
interface Callers {
  /** No session is looked at: the dev tools (MOCK-8). */
  anyone: true;
  /** The request's session if it holds a live one, else none: log in, log out, read the session. */
  visitor: true;
  /** A login that owes its MFA code (LOGIN-3). */
  'code-owed': true;
  /** An account binding MFA: active, or owing the binding (BIND-1 to BIND-5, LOGIN-4). */
  enrolling: true;
  /** Active, or owing the MFA code: the Unbind MFA ticket from the login (TICKET-8). */
  'ticket-submitter': true;
  /** An active session, owing nothing. */
  active: true;
  /** Active customer service (TICKET-7). */
  agent: true;
  /** Active, a member of the path's `:workspaceId`, owing it no binding (MANDATORY-3). */
  'workspace-member': true;
  /** The same, and its Owner (MANDATORY-1). */
  'workspace-owner': true;
}

export type Caller = keyof Callers;

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

/** Why the token's session was ended from elsewhere, when it names no live one. */
type EndedBy = SessionEndCause | null;

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
  /** REMEMBER-1: the remembered-browser token the request carries, if any. */
  rememberedToken: string | null;
  /** REMEMBER-1: the client's remembered-browser cookie becomes this token (null: none). */
  setRememberedToken(token: string | null): void;
} & (C extends 'workspace-member' | 'workspace-owner' ? { access: WorkspaceAccess } : unknown) &
  (C extends 'visitor' ? { endedBy: EndedBy } : unknown);

/** What an endpoint answers when it succeeds; refusals are DomainErrors. */
export type Reply =
  | { json: JsonBodyType; status?: 200 | 201; headers?: Record<string, string> }
  | { bytes: ArrayBuffer; headers: Record<string, string> }
  | { status: 204 };

export type EndpointSpec<
  C extends Caller,
  S extends BodySpec | undefined,
  Q,
  P,
  R,
  D = undefined,
> = {
  caller: C;
  body?: S;
  query?: QuerySpec<Q>;
  /** MOCK-6: every answer, success or refusal, carries Cache-Control: no-store. */
  noStore?: boolean;
  /**
   * Slow work a transaction must not wait on, such as hashing a password
   * (GUARD-7): it may read what it needs in a transaction of its own, which
   * names its own plan, works off the transaction, and hands its result to
   * `run`, which decides.
   */
  prepare?: (input: {
    body: BodyOf<S>;
    /** The caller as admitted before the body was read (null for none). */
    session: SessionRecord | null;
    read: Backend['run'];
  }) => Promise<D>;
  /** The answer once the transaction is written; by default the result as JSON, or 204 for none. */
  reply?: (result: R, params: P) => Reply | Promise<Reply>;
} & (
  | {
      /**
       * What the transaction reads besides what settling the caller reads
       * (ADR 0017), named beside the rules that read it. Anything the rules
       * touch that is not loaded fails loudly; a record the plan should have
       * picked and did not is silently absent, so a plan says why it is whole.
       */
      load: EndpointPlan;
      /** The operation: one transaction, run once the caller is settled and the input judged. */
      run: (call: Call<C, S, Q, P, D>) => R | DomainError;
    }
  | {
      /** No transaction at all: the reply is the whole of it (the dev tools' reset). */
      load?: never;
      run?: never;
    }
);

type Method = 'get' | 'post' | 'put' | 'delete';

/**
 * The endpoint builders of one host, by method (`get`, `post`, `put`,
 * `delete`), bound to its backend, session jar and origin.
 */
export function endpoints({
  server,
  jar,
  rememberJar,
  origin,
  userAgent,
  clientAddressOf,
}: HandlerDeps) {
  /**
   * The one way an endpoint is made, in either host (HOUSE rule 12): it reads
   * the session token, settles who the caller is, then judges the body and the
   * query against the contract (MOCK-1), runs one transaction, writes the new
   * session token if one was issued, and maps every refusal to the contract's
   * error body. A caller without the right session learns nothing about what a
   * valid body looks like (LOGIN-5).
   */
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
        const admission = spec.caller === 'anyone' ? {} : ADMISSION_PLAN;
        // GUARD-5: who is calling is settled before a byte of the body is read;
        // the transaction below settles it again, as the state may have moved.
        const facts = { token, params, headers: request.headers };
        const early = spec.body
          ? await server.run(
              (state, ctx) => {
                const admitted = admit(state, ctx, spec.caller, token, params, method);
                return admitted instanceof DomainError
                  ? admitted
                  : structuredClone(admitted.session);
              },
              planOf(admission, {}, { ...facts, body: undefined }),
            )
          : null;
        // Read and judged before the transaction, which cannot span an await,
        // once the caller is settled.
        const input = await readInput(request, spec);
        const body = judgeBody(input.body, spec.body) as BodyOf<S>;
        const prepared = spec.prepare
          ? await spec.prepare({
              body,
              session: early,
              read: (operation, plan) => server.run(operation, plan),
            })
          : (undefined as D);
        let issued: string | null | undefined;
        let remembered: string | null | undefined;
        const plan = planOf(admission, spec.load ?? {}, { ...facts, body });
        const result =
          spec.caller === 'anyone' && !spec.run
            ? (undefined as R)
            : await server.run((state, serverCtx) => {
                // LOG-1: what the security log records of the request's browser.
                const requestCtx = {
                  ...serverCtx,
                  userAgent: request.headers.get('user-agent') ?? userAgent ?? null,
                  clientAddress: clientAddressOf?.(request) ?? null,
                  language: languageOfHeader(request.headers.get('accept-language')),
                };
                const admitted = admit(state, requestCtx, spec.caller, token, params, method);
                if (admitted instanceof DomainError) return admitted;
                // Emails go out in the language of whoever they concern (mailLanguage).
                const ctx = { ...requestCtx, callerAccountId: admitted.session?.accountId ?? null };
                rememberCallerLanguage(state, ctx);
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
                  rememberedToken: rememberJar?.read(request) ?? null,
                  setRememberedToken: (next: string | null) => {
                    remembered = next;
                  },
                  // The caller's conditional types cannot be followed through admit().
                } as unknown as Call<C, S, Q, ParamsOf<Path>, D>;
                return spec.run ? spec.run(call) : (undefined as R);
              }, plan);
        const reply = spec.reply
          ? await spec.reply(result, params)
          : result === undefined
            ? ({ status: 204 } as const)
            : { json: result as JsonBodyType };
        const headers = new Headers(spec.noStore ? NO_STORE : undefined);
        if (issued !== undefined) jar.write(headers, issued);
        if (remembered !== undefined) rememberJar?.write(headers, remembered);
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
 * A declaration bound to one request, after what settling its caller loads:
 * its stages learn the request and its session's account.
 */
function planOf(
  admission: EndpointPlan,
  declared: EndpointPlan,
  request: {
    token: string | null;
    params: Record<string, string>;
    body: unknown;
    headers: Headers;
  },
): ServerPlan {
  const tokenHash = request.token === null ? null : sha256Hex(request.token);
  const union = <T>(a?: readonly T[], b?: readonly T[]) => [
    ...new Set([...(a ?? []), ...(b ?? [])]),
  ];
  const stages = [...(admission.stages ?? []), ...(declared.stages ?? [])];
  const picksAnywhere =
    ((admission.stages ?? []).length > 0 && admission.pickFrom === undefined) ||
    ((declared.stages ?? []).length > 0 && declared.pickFrom === undefined);
  return {
    whole: union(admission.whole, declared.whole),
    append: union(admission.append, declared.append),
    ...(picksAnywhere ? {} : { pickFrom: union(admission.pickFrom, declared.pickFrom) }),
    stages: stages.map(
      (stage) => (view: ServerState, ctx: DomainContext) =>
        stage(view, {
          ctx,
          params: request.params,
          body: request.body,
          headers: request.headers,
          tokenHash,
          accountId:
            tokenHash === null
              ? null
              : (view.sessions.find((session) => session.tokenHash === tokenHash)?.accountId ??
                null),
        }),
    ),
  };
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
  method: Method,
): { session: SessionRecord | null; access?: WorkspaceAccess; endedBy?: EndedBy } | DomainError {
  if (caller === 'anyone') return { session: null };
  if (caller === 'visitor') {
    const session = peekSession(state, ctx, token);
    const endedBy = session || !token ? null : endedCauseOf(state, ctx, sha256Hex(token));
    return { session, endedBy };
  }
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
      // GUARD-2: a GET never changes state, so only an action enters the workspace.
      const intent = method === 'get' ? 'read' : 'act';
      const access = workspaceGate(state, ctx, session, params.workspaceId ?? '', intent);
      if (access instanceof DomainError) return access;
      if (caller === 'workspace-owner') requireOwner(access);
      return { session, access };
    }
  }
  return { session };
}

/** The reply as a Response, with the headers the builder gathered (no-store, the cookie). */
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
