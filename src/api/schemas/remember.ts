import * as z from 'zod/mini';
import { idSchema } from './common';
import { exactlyOneSecondFactor, secondFactorFields } from './mfa';

/**
 * LOGIN-3 with REMEMBER-1: the code owed at login, and whether this browser
 * should skip it for 30 days (refused where a workspace forbids it).
 */
export const loginSecondFactorRequestSchema = z
  .strictObject({ ...secondFactorFields, rememberBrowser: z.optional(z.boolean()) })
  .check(exactlyOneSecondFactor);
export type LoginSecondFactorRequest = z.infer<typeof loginSecondFactorRequestSchema>;

/** REMEMBER-1: one remembered browser as Security Settings lists it. */
export const rememberedBrowserSchema = z.object({
  id: idSchema,
  browser: z.string(),
  os: z.string(),
  rememberedAt: z.string(),
  lastUsedAt: z.string(),
  expiresAt: z.string(),
  /** The browser this request came from. */
  current: z.boolean(),
});
export type RememberedBrowser = z.infer<typeof rememberedBrowserSchema>;
export const rememberedBrowserListSchema = z.object({
  browsers: z.array(rememberedBrowserSchema),
});
export type RememberedBrowserList = z.infer<typeof rememberedBrowserListSchema>;

/** REMEMBER-1: the Owner's switch on Workspace Settings > Security. */
export const rememberPolicyRequestSchema = z.strictObject({ allowed: z.boolean() });
export type RememberPolicyRequest = z.infer<typeof rememberPolicyRequestSchema>;
