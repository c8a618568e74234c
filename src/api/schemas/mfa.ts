import * as z from 'zod/mini';

export const CODE_LENGTH = 6;

/** A 6-digit code as typed; spaces and dashes from a paste are the client's to strip. */
export const codeSchema = z.string().check(z.regex(/^\d{6}$/));

export const codeRequestSchema = z.strictObject({ code: codeSchema });
export type CodeRequest = z.infer<typeof codeRequestSchema>;

export const enrollmentStatusSchema = z.object({
  stage: z.enum(['identity', 'app']),
  maskedEmail: z.string(),
  /** Seconds until another email code may be sent; relative, so client clock skew does not matter. */
  resendInSeconds: z.nullable(z.number()),
});
export type EnrollmentStatus = z.infer<typeof enrollmentStatusSchema>;

export const emailCodeSentSchema = z.object({ resendInSeconds: z.number() });

/** BIND-2: what the app step shows. Never cached, never stored by the client (BIND-5). */
export const enrollmentSecretSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  algorithm: z.literal('SHA1'),
  digits: z.literal(6),
  period: z.literal(30),
  expiresInSeconds: z.number(),
});
export type EnrollmentSecret = z.infer<typeof enrollmentSecretSchema>;

export const auditEventSchema = z.object({
  id: z.string(),
  event: z.enum([
    'password.locked',
    'mfa.bound',
    'mfa.unbound',
    'mfa.code_failed',
    'mfa.locked',
    'ticket.unbind_requested',
    'ticket.unbind_processed',
  ]),
  at: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
export const auditListSchema = z.object({ events: z.array(auditEventSchema) });
