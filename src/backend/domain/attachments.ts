import { cleanFileName } from '@/api/file-names';
import { ATTACHMENT_NAME_MAX_LENGTH } from '@/api/limits';
import { type AttachmentExtension, attachmentProblem, extensionOf } from '@/api/schemas/tickets';
import { accountById } from './accounts';
import type { DomainContext } from './context';
import { randomId } from './encoding';
import { DomainError } from './errors';
import { ATTACHMENT_MAX_UNUSED_PER_ACCOUNT, ATTACHMENT_ORPHAN_TTL_MS } from './limits';
import { requireActive } from './sessions';
import type { AccountRecord, AttachmentRecord, ServerState, SessionRecord } from './state';
import { readTicket, requireTicketSubmitter } from './ticket-access';

/** The type an attachment is served with, from its extension, never from what the client claimed. */
const CONTENT_TYPES: Record<AttachmentExtension, string> = {
  png: 'image/png',
  gif: 'image/gif',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  bmp: 'image/bmp',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  txt: 'text/plain',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
};

/**
 * TICKET-3 at the API: the type, size and name of an upload are checked here
 * whatever the form did. Unused uploads per account are capped, so even a
 * session that owes its code (LOGIN-5) cannot fill the store.
 */
export function recordUpload(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  file: { name: string; size: number },
): AttachmentRecord {
  requireTicketSubmitter(session);
  const name = cleanFileName(file.name);
  const problem = attachmentProblem({ name, size: file.size });
  if (problem) throw new DomainError('VALIDATION_FAILED', { fieldErrors: { file: problem } });
  if (name.length > ATTACHMENT_NAME_MAX_LENGTH)
    throw new DomainError('VALIDATION_FAILED', { fieldErrors: { name: 'too_big' } });

  const unused = state.attachments.filter(
    (attachment) => attachment.ownerId === session.accountId && attachment.ticketId === null,
  );
  const oldest = unused[0];
  if (oldest && unused.length >= ATTACHMENT_MAX_UNUSED_PER_ACCOUNT) {
    throw new DomainError('RATE_LIMITED', {
      retryAfterMs: oldest.uploadedAt + ATTACHMENT_ORPHAN_TTL_MS - ctx.now,
    });
  }
  const record: AttachmentRecord = {
    id: randomId(ctx.randomBytes, 'att'),
    name,
    contentType: CONTENT_TYPES[extensionOf(name) as AttachmentExtension],
    size: file.size,
    ownerId: session.accountId,
    uploadedAt: ctx.now,
    ticketId: null,
  };
  state.attachments.push(record);
  return record;
}

/** Forgets uploads no ticket used in time; returns their ids so their bytes go too. */
export function purgeUnusedAttachments(state: ServerState, ctx: DomainContext): string[] {
  const expired = state.attachments.filter(
    (attachment) =>
      attachment.ticketId === null && ctx.now - attachment.uploadedAt >= ATTACHMENT_ORPHAN_TTL_MS,
  );
  if (expired.length === 0) return [];
  state.attachments = state.attachments.filter((attachment) => !expired.includes(attachment));
  return expired.map((attachment) => attachment.id);
}

export function discardUpload(state: ServerState, attachmentId: string): void {
  state.attachments = state.attachments.filter((attachment) => attachment.id !== attachmentId);
}

/**
 * TICKET-3: an attachment opens again for whoever may read its ticket, for an
 * agent, and, before it is used, for its uploader. Anyone else learns nothing.
 */
export function readableAttachment(
  state: ServerState,
  ctx: DomainContext,
  session: SessionRecord,
  attachmentId: string,
): AttachmentRecord {
  requireActive(session);
  const attachment = state.attachments.find((candidate) => candidate.id === attachmentId);
  if (!attachment) throw new DomainError('NOT_FOUND');
  if (attachment.ticketId === null) {
    if (attachment.ownerId !== session.accountId) throw new DomainError('NOT_FOUND');
    return attachment;
  }
  if (accountById(state, session.accountId).kind === 'agent') return attachment;
  readTicket(state, ctx, session, attachment.ticketId);
  return attachment;
}

/**
 * The uploads a ticket or reply may use: each the actor's own and not used yet.
 * The count limit is the contract's, checked by the schema already.
 */
export function usableAttachments(
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

/** The uploads now belong to the ticket, so they are kept and readable with it. */
export function claimAttachments(records: readonly AttachmentRecord[], ticketId: string): void {
  for (const record of records) record.ticketId = ticketId;
}
