import * as z from 'zod/mini';
import { MAX_CLOCK_OFFSET_MS, MAX_ERROR_RATE, MAX_LATENCY_MS } from '../limits';

export const emailMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
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
