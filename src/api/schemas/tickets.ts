import * as z from 'zod/mini';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_MAX_PER_SUBMISSION,
  IDEMPOTENCY_KEY_MAX_LENGTH,
  IDEMPOTENCY_KEY_MIN_LENGTH,
  TICKET_DESCRIPTION_MAX_LENGTH,
  TICKET_PAGE_SIZE_MAX,
  TICKET_RATING_COMMENT_MAX_LENGTH,
  TICKET_RATING_MAX,
  TICKET_REPLY_MAX_LENGTH,
  TICKET_SEARCH_MAX_LENGTH,
  TICKET_TITLE_MAX_LENGTH,
} from '../limits';
import { cleanFreeText } from '../visible-text';
import { idSchema, listQueryFrom, listQueryParams } from './common';
import { codeOrKeyFields, codeSchema, exactlyCodeOrKey } from './mfa';

/** TICKET-2: the eight types, in the order the form offers them. */
export const TICKET_TYPES = [
  'unbind_mfa',
  'change_owner',
  'purchase_inquiry',
  'help_documentation',
  'feature_request',
  'bug_report',
  'usage_issue',
  'other',
] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

/** TICKET-5: the life of a ticket. */
export const TICKET_STATUSES = [
  'waiting_assignment',
  'waiting_feedback',
  'feedback_provided',
  'closed',
  'canceled',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** What the caller may do to a ticket now; computed by the server from its status and role. */
export const TICKET_ACTIONS = [
  'cancel',
  'restart',
  'reply',
  'close',
  'rate',
  'accept',
  'unbind_mfa',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export const ATTACHMENT_EXTENSIONS = [
  'png',
  'gif',
  'jpg',
  'jpeg',
  'bmp',
  'doc',
  'docx',
  'pdf',
  'xlsx',
  'xls',
  'txt',
  'zip',
  'rar',
] as const;
export type AttachmentExtension = (typeof ATTACHMENT_EXTENSIONS)[number];
/** The multipart fields of an upload: the file, and its name (some clients drop the filename). */
export const ATTACHMENT_FILE_FIELD = 'file';
export const ATTACHMENT_NAME_FIELD = 'name';

/** The extension a file name ends with, lower-cased; null when it has none. */
export function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return null;
  return name.slice(dot + 1).toLowerCase();
}

export function isAllowedAttachmentName(name: string): boolean {
  const extension = extensionOf(name);
  return extension !== null && (ATTACHMENT_EXTENSIONS as readonly string[]).includes(extension);
}

/** Why a file cannot be attached, checked before upload and again by the server. */
export type AttachmentProblem = 'attachment_type' | 'attachment_too_big' | 'attachment_empty';

export function attachmentProblem(file: { name: string; size: number }): AttachmentProblem | null {
  if (!isAllowedAttachmentName(file.name)) return 'attachment_type';
  if (file.size > ATTACHMENT_MAX_BYTES) return 'attachment_too_big';
  if (file.size === 0) return 'attachment_empty';
  return null;
}

export const TICKET_PAGE_SIZES = [10, 20, 50] as const;
export const TICKET_PAGE_SIZE_DEFAULT = 20;

/** A repeated creation with the same key answers the ticket the first one made. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const idempotencyKeySchema = z
  .string()
  .check(
    z.minLength(IDEMPOTENCY_KEY_MIN_LENGTH),
    z.maxLength(IDEMPOTENCY_KEY_MAX_LENGTH),
    z.regex(/^[\w-]+$/),
  );

export const attachmentSchema = z.object({
  id: idSchema,
  name: z.string(),
  size: z.number(),
  contentType: z.string(),
  uploadedAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

const personSchema = z.object({ id: idSchema, name: z.string(), email: z.string() });

export const ticketSummarySchema = z.object({
  id: idSchema,
  number: z.string(),
  type: z.enum(TICKET_TYPES),
  status: z.enum(TICKET_STATUSES),
  title: z.string(),
  requester: personSchema,
  workspace: z.nullable(z.object({ id: idSchema, name: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TicketSummary = z.infer<typeof ticketSummarySchema>;

export const ticketPageSchema = z.object({
  tickets: z.array(ticketSummarySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type TicketPage = z.infer<typeof ticketPageSchema>;

export const ticketExportSchema = z.object({ tickets: z.array(ticketSummarySchema) });
export type TicketExport = z.infer<typeof ticketExportSchema>;

/** What happened to a ticket, shown in its conversation between the messages. */
export const TICKET_EVENTS = [
  'accepted',
  'canceled',
  'restarted',
  'closed_by_requester',
  'closed_by_agent',
  'closed_automatically',
  'mfa_unbound',
] as const;
export type TicketEvent = (typeof TICKET_EVENTS)[number];

export const ticketEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('message'),
    id: z.string(),
    author: z.object({ name: z.string(), role: z.enum(['requester', 'agent']) }),
    body: z.string(),
    at: z.string(),
    attachments: z.array(attachmentSchema),
  }),
  z.object({
    kind: z.literal('event'),
    id: z.string(),
    event: z.enum(TICKET_EVENTS),
    at: z.string(),
  }),
]);
export type TicketEntry = z.infer<typeof ticketEntrySchema>;

export const ticketDetailSchema = z.object({
  ...ticketSummarySchema.shape,
  entries: z.array(ticketEntrySchema),
  actions: z.array(z.enum(TICKET_ACTIONS)),
  /** When a ticket in Feedback Provided closes by itself. */
  autoCloseAt: z.nullable(z.string()),
  closedAt: z.nullable(z.string()),
  rating: z.nullable(z.object({ score: z.number(), comment: z.string(), at: z.string() })),
  /** TICKET-8: how the requester of an Unbind MFA ticket proved who they are. */
  verification: z.nullable(
    z.object({
      password: z.boolean(),
      email: z.boolean(),
      submittedFrom: z.enum(['login', 'console']),
    }),
  ),
  /** The viewer submitted it; an agent may then not process it (TICKET-9). */
  ownTicket: z.boolean(),
});
export type TicketDetail = z.infer<typeof ticketDetailSchema>;

/** TICKET-7: what an agent reviews before unbinding a requester's MFA. */
export const supportTicketSchema = z.object({
  ...ticketDetailSchema.shape,
  review: z.nullable(
    z.object({
      accountEmail: z.string(),
      accountName: z.string(),
      workspaceName: z.nullable(z.string()),
      mfaBound: z.boolean(),
      mfaUnboundAt: z.nullable(z.string()),
      /** TICKET-11: computed when the ticket is read, never constants. */
      signals: z.object({
        /** The password was typed for this request (filed from the login's code step). */
        passwordVerified: z.boolean(),
        /** An email code was spent to file it. */
        emailVerified: z.boolean(),
        /** When the account was made: a young account is a warning sign. */
        accountCreatedAt: z.string(),
        /** Whole days since then, on the server's clock. */
        accountAgeDays: z.number(),
        /** The last login that passed a dynamic code; null for none. */
        lastMfaLoginAt: z.nullable(z.string()),
        /** Wrong dynamic codes for the account in the last 24 hours. */
        wrongCodesLast24h: z.number(),
        /** The account's other Unbind MFA requests not closed or canceled. */
        otherOpenUnbindRequests: z.number(),
      }),
    }),
  ),
});
export type SupportTicket = z.infer<typeof supportTicketSchema>;

/**
 * GUARD-6: text a person types, as it is stored: cleaned of invisible
 * characters first, so that what is trimmed and measured is what is shown.
 */
const freeTextSchema = (minLength: number, maxLength: number) =>
  z
    .string()
    .check(z.overwrite(cleanFreeText), z.trim(), z.minLength(minLength), z.maxLength(maxLength));
const titleSchema = freeTextSchema(1, TICKET_TITLE_MAX_LENGTH);
const descriptionSchema = freeTextSchema(1, TICKET_DESCRIPTION_MAX_LENGTH);
const replyBodySchema = freeTextSchema(1, TICKET_REPLY_MAX_LENGTH);
const attachmentIdsSchema = z.array(idSchema).check(z.maxLength(ATTACHMENTS_MAX_PER_SUBMISSION));

export const createTicketRequestSchema = z.strictObject({
  type: z.enum(TICKET_TYPES),
  title: titleSchema,
  description: descriptionSchema,
  attachmentIds: attachmentIdsSchema,
  /** TICKET-4: required for Unbind MFA, refused otherwise. */
  emailCode: z.optional(codeSchema),
});
export type CreateTicketRequest = z.infer<typeof createTicketRequestSchema>;

export const ticketCreatedSchema = z.object({
  id: idSchema,
  number: z.string(),
  status: z.enum(TICKET_STATUSES),
});
export type TicketCreated = z.infer<typeof ticketCreatedSchema>;

export const replyRequestSchema = z.strictObject({
  body: replyBodySchema,
  attachmentIds: attachmentIdsSchema,
});
export type ReplyRequest = z.infer<typeof replyRequestSchema>;

/** TICKET-12: the token of the link in an Unbind MFA request's notice email. */
export const cancelUnbindRequestSchema = z.strictObject({
  token: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/)),
});
export type CancelUnbindRequest = z.infer<typeof cancelUnbindRequestSchema>;

/** What the cancel link answers: which request it stopped. */
export const canceledUnbindRequestSchema = z.object({
  number: z.string(),
  status: z.enum(TICKET_STATUSES),
});
export type CanceledUnbindRequest = z.infer<typeof canceledUnbindRequestSchema>;

export const rateRequestSchema = z.strictObject({
  score: z.number().check(z.int(), z.gte(1), z.lte(TICKET_RATING_MAX)),
  comment: freeTextSchema(0, TICKET_RATING_COMMENT_MAX_LENGTH),
});
export type RateRequest = z.infer<typeof rateRequestSchema>;

/** TICKET-11: the agent's reply, and the agent's own dynamic code or security key (KEY-2). */
export const supportUnbindRequestSchema = z
  .strictObject({ reply: replyBodySchema, ...codeOrKeyFields })
  .check(exactlyCodeOrKey);
export type SupportUnbindRequest = z.infer<typeof supportUnbindRequestSchema>;

export const ticketEmailCodeStatusSchema = z.object({
  maskedEmail: z.string(),
  resendInSeconds: z.nullable(z.number()),
});
export type TicketEmailCodeStatus = z.infer<typeof ticketEmailCodeStatusSchema>;

/** The query of a ticket list, as the server reads it from the URL. */
export const ticketListQuerySchema = z.strictObject({
  type: z.optional(z.enum(TICKET_TYPES)),
  status: z.optional(z.enum(TICKET_STATUSES)),
  // Cleaned like the titles it searches, so pasting a title finds it.
  q: z.optional(freeTextSchema(0, TICKET_SEARCH_MAX_LENGTH)),
  page: z.optional(z.number().check(z.int(), z.gte(1))),
  pageSize: z.optional(z.number().check(z.int(), z.gte(1), z.lte(TICKET_PAGE_SIZE_MAX))),
});
export type TicketListQuery = z.infer<typeof ticketListQuerySchema>;

/** The list query as URL parameters; numbers are sent as digits. */
export const ticketListParams: (query: TicketListQuery) => string = listQueryParams;

/** Reads the list query from URL parameters: digits become numbers for the schema. */
export const ticketListQueryFrom = listQueryFrom;
