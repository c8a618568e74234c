import * as z from 'zod/mini';
import { CODE_LENGTH } from '../limits';

/** A 6-digit code as typed; spaces and dashes from a paste are the client's to strip. */
export const codeSchema = z
  .string()
  .check(z.minLength(1), z.regex(new RegExp(`^\\d{${CODE_LENGTH}}$`)));

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
export type EmailCodeSent = z.infer<typeof emailCodeSentSchema>;

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

/** MOCK-7: what the audit log records. */
export const AUDIT_EVENTS = [
  'password.locked',
  'password.changed',
  'password.reset',
  'session.ended',
  'mfa.bound',
  'mfa.unbound',
  'mfa.code_failed',
  'mfa.locked',
  'workspace.mfa_required_on',
  'workspace.mfa_required_off',
  'ticket.unbind_requested',
  'ticket.unbind_processed',
  'ticket.unbind_canceled',
] as const;
export type AuditEventName = (typeof AUDIT_EVENTS)[number];

export const auditEventSchema = z.object({
  id: z.string(),
  event: z.enum(AUDIT_EVENTS),
  at: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
export const auditListSchema = z.object({ events: z.array(auditEventSchema) });
export type AuditList = z.infer<typeof auditListSchema>;
