import * as z from 'zod/mini';
import { idSchema } from './common';
import { workspaceRoleSchema } from './session';

export const workspaceSchema = z.object({
  id: idSchema,
  name: z.string(),
  role: workspaceRoleSchema,
  mfaRequired: z.boolean(),
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
  /** Members who have not bound MFA; only the Owner is told. */
  unboundMemberCount: z.nullable(z.number()),
  ownerMfaBound: z.boolean(),
  canChange: z.boolean(),
});
export type MfaPolicy = z.infer<typeof mfaPolicySchema>;

export const mfaPolicyRequestSchema = z.strictObject({ mfaRequired: z.boolean() });

export const memberListSchema = z.object({ members: z.array(memberSchema) });
export type MemberList = z.infer<typeof memberListSchema>;
