import * as z from 'zod/mini';
import { MFA_GRACE_DAYS_MAX, MFA_GRACE_DAYS_MIN } from '../limits';
import { idSchema } from './common';
import { workspaceRoleSchema } from './session';

export const workspaceSchema = z.object({
  id: idSchema,
  name: z.string(),
  role: workspaceRoleSchema,
  mfaRequired: z.boolean(),
  /** MANDATORY-5: while a grace period runs, when enforcement starts; null otherwise. */
  mfaGraceEndsAt: z.nullable(z.string()),
  memberCount: z.number(),
  ownerEmail: z.string(),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const memberSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  role: workspaceRoleSchema,
  mfaBound: z.boolean(),
  joinedAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;
/** Workspace Settings > Security: the mandatory MFA policy (MANDATORY-1, MANDATORY-2). */
export const mfaPolicySchema = z.object({
  mfaRequired: z.boolean(),
  /** MANDATORY-5: while a grace period runs, when enforcement starts; null otherwise. */
  graceEndsAt: z.nullable(z.string()),
  /** Members who have not bound MFA; only the Owner is told. */
  unboundMemberCount: z.nullable(z.number()),
  ownerMfaBound: z.boolean(),
  canChange: z.boolean(),
  /** REMEMBER-1: members may skip the code on a remembered browser; `locked` in a Secure Workspace. */
  rememberedBrowsers: z.object({ allowed: z.boolean(), locked: z.boolean() }),
});
export type MfaPolicy = z.infer<typeof mfaPolicySchema>;

/**
 * MANDATORY-1, MANDATORY-5: switching on may give unbound members `graceDays`
 * whole days before it is enforced; switching off takes none.
 */
export const mfaPolicyRequestSchema = z
  .strictObject({
    mfaRequired: z.boolean(),
    graceDays: z.optional(
      z.number().check(z.int(), z.gte(MFA_GRACE_DAYS_MIN), z.lte(MFA_GRACE_DAYS_MAX)),
    ),
  })
  .check(
    z.refine((request) => request.mfaRequired || request.graceDays === undefined, {
      path: ['graceDays'],
      message: 'A grace period only goes with switching mandatory MFA on.',
    }),
  );
export type MfaPolicyRequest = z.infer<typeof mfaPolicyRequestSchema>;

/** POSTURE-1: one member as the Owner's view of MFA posture lists them. */
export const postureMemberSchema = z.extend(memberSchema, {
  /** Unused recovery codes; null while MFA is not bound. */
  recoveryCodesLeft: z.nullable(z.number()),
  /** Bound, with RECOVERY_CODES_LOW or fewer unused recovery codes left. */
  fewRecoveryCodes: z.boolean(),
  /** KEY-1: at least one security key added. */
  hasSecurityKey: z.boolean(),
});
export type PostureMember = z.infer<typeof postureMemberSchema>;

/** POSTURE-1: the workspace's MFA posture, for its Owner. */
export const mfaPostureSchema = z.object({
  boundCount: z.number(),
  unboundCount: z.number(),
  fewRecoveryCodesCount: z.number(),
  /** Members with at least one security key (KEY-1). */
  securityKeyCount: z.number(),
  /** MANDATORY-5: while a grace period runs, when enforcement starts; null otherwise. */
  graceEndsAt: z.nullable(z.string()),
  members: z.array(postureMemberSchema),
});
export type MfaPosture = z.infer<typeof mfaPostureSchema>;

export const memberListSchema = z.object({ members: z.array(memberSchema) });
export type MemberList = z.infer<typeof memberListSchema>;
