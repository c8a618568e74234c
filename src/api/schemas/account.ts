import * as z from 'zod/mini';
import { idSchema } from './common';

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
});
export type Account = z.infer<typeof accountSchema>;
