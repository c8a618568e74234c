import * as z from 'zod/mini';
import { LARGE_DEMO_BATCHES, MAX_CLOCK_OFFSET_MS, MAX_ERROR_RATE, MAX_LATENCY_MS } from '../limits';
import { idSchema } from './common';

export const emailMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  /** The links the server wrote in the body: where each one's text starts, and its path. */
  links: z.array(z.object({ at: z.number(), path: z.string() })),
  sentAt: z.string(),
});
export type EmailMessage = z.infer<typeof emailMessageSchema>;
export const mailboxSchema = z.object({ messages: z.array(emailMessageSchema) });
export type Mailbox = z.infer<typeof mailboxSchema>;

export const devSettingsSchema = z.strictObject({
  latencyMs: z.number().check(z.int(), z.gte(0), z.lte(MAX_LATENCY_MS)),
  errorRate: z.number().check(z.gte(0), z.lte(MAX_ERROR_RATE)),
  offline: z.boolean(),
  clockOffsetMs: z.number().check(z.int(), z.gte(-MAX_CLOCK_OFFSET_MS), z.lte(MAX_CLOCK_OFFSET_MS)),
});
export type DevSettings = z.infer<typeof devSettingsSchema>;

export const devStatusSchema = z.object({
  settings: devSettingsSchema,
  notice: z.nullable(z.object({ reason: z.enum(['corrupt', 'outdated']), at: z.string() })),
});
export type DevStatus = z.infer<typeof devStatusSchema>;

/** What a phone app would show for each bound demo account. */
export const authenticatorSchema = z.object({
  accounts: z.array(
    z.object({
      email: z.string(),
      issuer: z.string(),
      code: z.string(),
      nextCode: z.string(),
      secondsLeft: z.number(),
    }),
  ),
  serverTime: z.string(),
});
export type Authenticator = z.infer<typeof authenticatorSchema>;

/**
 * MOCK-8: one batch of Load a large demo, 0 first; batch 0 also adds the
 * members. The tickets spread over the workspaces, or all go to `workspaceId`
 * (the bench, so one export holds them all).
 */
export const largeDemoBatchRequestSchema = z.strictObject({
  batch: z.number().check(z.int(), z.gte(0), z.lt(LARGE_DEMO_BATCHES)),
  workspaceId: z.optional(idSchema),
});
export type LargeDemoBatchRequest = z.infer<typeof largeDemoBatchRequestSchema>;

/** How far Load a large demo has come once a batch is written. */
export const largeDemoProgressSchema = z.object({
  batch: z.number(),
  batches: z.number(),
  tickets: z.number(),
  members: z.number(),
});
export type LargeDemoProgress = z.infer<typeof largeDemoProgressSchema>;
