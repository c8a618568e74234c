import type * as z from 'zod/mini';
import {
  ATTACHMENT_MAX_BYTES,
  JSON_BODY_MAX_BYTES,
  MULTIPART_FRAMING_MAX_BYTES,
} from '@/api/limits';
import { fieldErrorsOf } from '@/api/schemas/common';
import { ATTACHMENT_FILE_FIELD, ATTACHMENT_NAME_FIELD } from '@/api/schemas/tickets';
import { DomainError } from '../domain/errors';

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

/** GUARD-1: the media type a body of each kind must be sent as. */
const MEDIA_TYPE = { json: 'application/json', multipart: 'multipart/form-data' } as const;
/** GUARD-5: the most bytes read of a body of each kind. */
const BODY_MAX_BYTES = {
  json: JSON_BODY_MAX_BYTES,
  multipart: ATTACHMENT_MAX_BYTES + MULTIPART_FRAMING_MAX_BYTES,
} as const;

/** The request's input as read, before it is judged. */
export interface Input {
  body:
    | { kind: 'none' }
    | { kind: 'json'; value: unknown; readable: boolean }
    | { kind: 'multipart'; upload: Upload | null };
  query: unknown;
}

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
export function refuseCrossSite(
  request: Request,
  body: BodySpec | undefined,
  origin: string,
): void {
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
export async function readInput(
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

export function judgeBody(body: Input['body'], spec: BodySpec | undefined): unknown {
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
export function judge<T>(schema: z.ZodMiniType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new DomainError('VALIDATION_FAILED', { fieldErrors: fieldErrorsOf(parsed.error, input) });
}
