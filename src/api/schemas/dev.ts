import * as z from 'zod/mini';

export const MAX_LATENCY_MS = 3_000;
export const MAX_ERROR_RATE = 0.5;

export const emailMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  sentAt: z.string(),
});
export type EmailMessage = z.infer<typeof emailMessageSchema>;
export const mailboxSchema = z.object({ messages: z.array(emailMessageSchema) });

export const devSettingsSchema = z.strictObject({
  latencyMs: z.number().check(z.int(), z.gte(0), z.lte(MAX_LATENCY_MS)),
  errorRate: z.number().check(z.gte(0), z.lte(MAX_ERROR_RATE)),
  offline: z.boolean(),
});
export type DevSettings = z.infer<typeof devSettingsSchema>;

export const devStatusSchema = z.object({
  settings: devSettingsSchema,
  notice: z.nullable(z.object({ reason: z.enum(['corrupt', 'outdated']), at: z.string() })),
});
export type DevStatus = z.infer<typeof devStatusSchema>;
