import * as z from 'zod/mini';
import {
  PASSWORD_MAX_LENGTH,
  RETENTION_IDLE_MINUTES_MAX,
  RETENTION_IDLE_MINUTES_MIN,
  RETENTION_MAX_DAYS_MAX,
  RETENTION_MAX_DAYS_MIN,
} from '../limits';
import { emailSchema, idSchema } from './common';
import { codeSchema } from './mfa';
import { assertionSchema } from './security-keys';

/** SESSION-3: whole minutes idle, whole days at most (0: no limit). */
export const retentionSchema = z.strictObject({
  idleMinutes: z.int().check(z.gte(RETENTION_IDLE_MINUTES_MIN), z.lte(RETENTION_IDLE_MINUTES_MAX)),
  maxDays: z.int().check(z.gte(RETENTION_MAX_DAYS_MIN), z.lte(RETENTION_MAX_DAYS_MAX)),
});
export type Retention = z.infer<typeof retentionSchema>;

export const accountSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  createdAt: z.string(),
  mfa: z.object({
    bound: z.boolean(),
    boundAt: z.nullable(z.string()),
    /** RECOVERY-3: unused recovery codes, null without a binding. */
    recoveryCodesLeft: z.nullable(z.number()),
  }),
  retention: retentionSchema,
});
export type Account = z.infer<typeof accountSchema>;

/** SESSION-1: one live session of the account, described without echoing its user agent. */
export const accountSessionSchema = z.object({
  id: idSchema,
  browser: z.string(),
  os: z.string(),
  /** The address the login came from; null where the host has none (the in-browser mock). */
  ipAddress: z.nullable(z.string()),
  createdAt: z.string(),
  lastActiveAt: z.string(),
  current: z.boolean(),
});
export type AccountSession = z.infer<typeof accountSessionSchema>;
export const accountSessionListSchema = z.object({ sessions: z.array(accountSessionSchema) });
export type AccountSessionList = z.infer<typeof accountSessionListSchema>;

/** SESSION-1: how many sessions Sign out all other sessions ended. */
export const sessionsEndedSchema = z.object({ ended: z.number() });
export type SessionsEnded = z.infer<typeof sessionsEndedSchema>;

/** A password as typed; the policy (PASSWORD-1) is judged by the server with passwordProblem. */
const typedPasswordSchema = z.string().check(z.minLength(1), z.maxLength(PASSWORD_MAX_LENGTH));

/**
 * PASSWORD-1: the code is owed only by an account with MFA bound; one of its
 * security keys may answer instead (KEY-2), never both.
 */
export const changePasswordRequestSchema = z
  .strictObject({
    currentPassword: typedPasswordSchema,
    newPassword: typedPasswordSchema,
    code: z.optional(codeSchema),
    securityKey: z.optional(assertionSchema),
  })
  .check(
    z.superRefine((body, ctx) => {
      if (body.code !== undefined && body.securityKey !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['securityKey'],
          message: 'Send one of code or securityKey.',
          input: body.securityKey,
        });
      }
    }),
  );
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

/** PASSWORD-2, step 1: the email to send a reset code to. */
export const passwordResetCodeRequestSchema = z.strictObject({ email: emailSchema });
export type PasswordResetCodeRequest = z.infer<typeof passwordResetCodeRequestSchema>;

/** PASSWORD-2, step 2: the emailed code and the new password. */
export const passwordResetRequestSchema = z.strictObject({
  email: emailSchema,
  code: codeSchema,
  newPassword: typedPasswordSchema,
});
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;
