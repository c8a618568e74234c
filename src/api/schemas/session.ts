import * as z from 'zod/mini';
import { PASSWORD_MAX_LENGTH } from '../limits';
import { SESSION_END_CAUSES } from '../session-end-causes';
import { emailSchema, idSchema } from './common';

export const loginRequestSchema = z.strictObject({
  email: emailSchema,
  password: z.string().check(z.minLength(1), z.maxLength(PASSWORD_MAX_LENGTH)),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const workspaceRoleSchema = z.enum(['owner', 'member']);
export type WorkspaceRole = z.infer<typeof workspaceRoleSchema>;

export const workspaceSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  role: workspaceRoleSchema,
  mfaRequired: z.boolean(),
  /** MANDATORY-5: while a grace period runs, when enforcement starts; null otherwise. */
  mfaGraceEndsAt: z.nullable(z.string()),
});
export type WorkspaceSummary = z.infer<typeof workspaceSummarySchema>;

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  kind: z.enum(['member', 'agent']),
  mfaBound: z.boolean(),
  /** RECOVERY-3: unused recovery codes, null without a binding; the home page warns when low. */
  recoveryCodesLeft: z.nullable(z.number()),
});
export type User = z.infer<typeof userSchema>;

/** LOGIN-2: the UI is a function of this. */
export const sessionSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('anonymous'),
    /** The request's session was ended from elsewhere, and this is why (SESSION_ENDED). */
    endedBy: z.optional(z.enum(SESSION_END_CAUSES)),
  }),
  z.object({
    state: z.literal('mfa_required'),
    email: z.string(),
    expiresAt: z.string(),
    /** REMEMBER-1: every workspace of the account lets this browser skip the code next time. */
    canRememberBrowser: z.optional(z.boolean()),
    /** KEY-2: the account has a security key, which the code step offers first. */
    hasSecurityKey: z.boolean(),
  }),
  z.object({
    state: z.literal('mfa_setup_required'),
    email: z.string(),
    expiresAt: z.string(),
    workspace: z.object({ id: idSchema, name: z.string() }),
  }),
  z.object({
    state: z.literal('active'),
    user: userSchema,
    workspaces: z.array(workspaceSummarySchema),
    currentWorkspaceId: z.nullable(idSchema),
    /** REMEMBER-1: this login skipped the code on a remembered browser. */
    rememberedBrowser: z.optional(z.boolean()),
  }),
]);
export type Session = z.infer<typeof sessionSchema>;
export type SessionState = Session['state'];

export const switchWorkspaceRequestSchema = z.strictObject({ workspaceId: idSchema });
