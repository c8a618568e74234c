import * as z from 'zod/mini';
import {
  AUDIT_PAGE_SIZE_MAX,
  CODE_LENGTH,
  RECOVERY_CODE_CHARACTERS,
  RECOVERY_CODE_INPUT_MAX_LENGTH,
} from '../limits';
import { listQueryFrom, listQueryParams } from './common';
import { type Assertion, assertionSchema } from './security-keys';
import { sessionSchema } from './session';

/** A 6-digit code as typed; spaces and dashes from a paste are the client's to strip. */
export const codeSchema = z
  .string()
  .check(z.minLength(1), z.regex(new RegExp(`^\\d{${CODE_LENGTH}}$`)));

export const codeRequestSchema = z.strictObject({ code: codeSchema });
export type CodeRequest = z.infer<typeof codeRequestSchema>;

/**
 * RECOVERY-2: a recovery code as typed: its 10 ASCII letters and digits, with
 * any dashes and spaces between them, in any case. A look-alike (a full-width
 * digit, a Cyrillic letter) is not folded into one: it is no code at all.
 */
export const recoveryCodeSchema = z
  .string()
  .check(
    z.maxLength(RECOVERY_CODE_INPUT_MAX_LENGTH),
    z.regex(new RegExp(`^[ -]*(?:[A-Za-z0-9][ -]*){${RECOVERY_CODE_CHARACTERS}}$`)),
  );

/**
 * RECOVERY-2, RECOVERY-4, KEY-2: what proves the second factor at login and at
 * a step-up: the dynamic code, one of the account's recovery codes, or a
 * security key's assertion.
 */
export const secondFactorFields = {
  code: z.optional(codeSchema),
  recoveryCode: z.optional(recoveryCodeSchema),
  securityKey: z.optional(assertionSchema),
};
const SECOND_FACTOR_FIELDS = ['code', 'recoveryCode', 'securityKey'] as const;

/** Neither: the code is what is missing. More than one: each after the first is one too many. */
export const exactlyOneSecondFactor = z.superRefine(
  (
    body: {
      code?: string | undefined;
      recoveryCode?: string | undefined;
      securityKey?: Assertion | undefined;
    },
    ctx,
  ) => {
    const given = SECOND_FACTOR_FIELDS.filter((field) => body[field] !== undefined);
    if (given.length === 0) {
      ctx.addIssue({ code: 'invalid_type', expected: 'string', path: ['code'], input: undefined });
    }
    for (const extra of given.slice(1)) {
      ctx.addIssue({
        code: 'custom',
        path: [extra],
        message: 'Send one of code, recoveryCode or securityKey.',
        input: body[extra],
      });
    }
  },
);

export const secondFactorRequestSchema = z
  .strictObject(secondFactorFields)
  .check(exactlyOneSecondFactor);
export type SecondFactor = { code: string } | { recoveryCode: string } | { securityKey: Assertion };

/**
 * KEY-1, KEY-2: a step-up a recovery code does not do (adding a key,
 * regenerating the recovery codes, the agent's unbind): a fresh dynamic code,
 * or a key's assertion, exactly one of them.
 */
export const codeOrKeyFields = {
  code: z.optional(codeSchema),
  securityKey: z.optional(assertionSchema),
};

/** Neither: the code is what is missing. Both: the key is one too many. */
export const exactlyCodeOrKey = z.superRefine(
  (body: { code?: string | undefined; securityKey?: Assertion | undefined }, ctx) => {
    if (body.code === undefined && body.securityKey === undefined) {
      ctx.addIssue({ code: 'invalid_type', expected: 'string', path: ['code'], input: undefined });
    } else if (body.code !== undefined && body.securityKey !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['securityKey'],
        message: 'Send one of code or securityKey.',
        input: body.securityKey,
      });
    }
  },
);

export const keyStepUpRequestSchema = z.strictObject(codeOrKeyFields).check(exactlyCodeOrKey);
export type KeyStepUpRequest = z.infer<typeof keyStepUpRequestSchema>;

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

/**
 * BIND-3 and RECOVERY-1: the binding's answer. A new binding carries its
 * recovery codes, the only time they are ever sent; a changed authenticator
 * keeps the account's set, so `recoveryCodes` is null (RECOVERY-4).
 */
export const enrollmentConfirmedSchema = z.object({
  session: sessionSchema,
  recoveryCodes: z.nullable(z.array(z.string())),
});
export type EnrollmentConfirmed = z.infer<typeof enrollmentConfirmedSchema>;

/** RECOVERY-3: a new set, sent once. */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

/** MOCK-7, LOG-1: what the security log records. */
export const AUDIT_EVENTS = [
  'signin.password',
  'signin.mfa',
  'signin.remembered_browser',
  'browser.remembered',
  'browser.forgotten',
  'password.locked',
  'password.changed',
  'password.reset',
  'session.ended',
  'mfa.bound',
  'mfa.unbound',
  'mfa.changed',
  'mfa.recovery_codes_generated',
  'mfa.recovery_code_used',
  'mfa.code_failed',
  'mfa.locked',
  'mfa.key_added',
  'mfa.key_removed',
  'mfa.key_counter_rejected',
  'workspace.mfa_required_on',
  'workspace.mfa_required_off',
  'workspace.mfa_grace_ended',
  'workspace.remembered_browsers_on',
  'workspace.remembered_browsers_off',
  'ticket.unbind_requested',
  'ticket.unbind_processed',
  'ticket.unbind_canceled',
] as const;
export type AuditEventName = (typeof AUDIT_EVENTS)[number];

/** LOG-1: the kinds the security log can be filtered by. */
export const AUDIT_KINDS = [
  'sign_in',
  'mfa',
  'session',
  'password',
  'ticket',
  'workspace',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/**
 * The kind of every event, so a new event is filed under one (the compiler
 * asks for it). Failed codes and lockouts are sign-in trouble, whatever their prefix.
 */
export const AUDIT_EVENT_KINDS: Record<AuditEventName, AuditKind> = {
  'signin.password': 'sign_in',
  'signin.mfa': 'sign_in',
  'signin.remembered_browser': 'sign_in',
  'browser.remembered': 'session',
  'browser.forgotten': 'session',
  'password.locked': 'sign_in',
  'password.changed': 'password',
  'password.reset': 'password',
  'session.ended': 'session',
  'mfa.bound': 'mfa',
  'mfa.unbound': 'mfa',
  'mfa.changed': 'mfa',
  'mfa.recovery_codes_generated': 'mfa',
  'mfa.recovery_code_used': 'mfa',
  'mfa.code_failed': 'sign_in',
  'mfa.locked': 'sign_in',
  'mfa.key_added': 'mfa',
  'mfa.key_removed': 'mfa',
  'mfa.key_counter_rejected': 'sign_in',
  'workspace.mfa_required_on': 'workspace',
  'workspace.mfa_required_off': 'workspace',
  'workspace.mfa_grace_ended': 'workspace',
  'workspace.remembered_browsers_on': 'workspace',
  'workspace.remembered_browsers_off': 'workspace',
  'ticket.unbind_requested': 'ticket',
  'ticket.unbind_processed': 'ticket',
  'ticket.unbind_canceled': 'ticket',
};

export const auditEventSchema = z.object({
  id: z.string(),
  /**
   * Kept a plain string for the client: an event it does not know yet still
   * shows, with a generic line, rather than failing the whole log.
   */
  event: z.string(),
  kind: z.enum(AUDIT_KINDS),
  at: z.string(),
  /** The browser and system of the request that recorded it; null when none made it. */
  device: z.nullable(z.object({ browser: z.string(), os: z.string() })),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
export const auditListSchema = z.object({
  events: z.array(auditEventSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type AuditList = z.infer<typeof auditListSchema>;

/** LOG-1: the query of `GET /account/audit`, read from the URL like a ticket list's. */
export const auditListQuerySchema = z.strictObject({
  kind: z.optional(z.enum(AUDIT_KINDS)),
  page: z.optional(z.number().check(z.int(), z.gte(1))),
  pageSize: z.optional(z.number().check(z.int(), z.gte(1), z.lte(AUDIT_PAGE_SIZE_MAX))),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

/** The security log's query as URL parameters, and back (LOG-1). */
export const auditListParams: (query: AuditListQuery) => string = listQueryParams;
export const auditListQueryFrom = listQueryFrom;
