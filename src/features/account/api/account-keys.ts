import type { AuditListQuery } from '@/api/schemas/mfa';

/** HOUSE rule 5: every query key of the account feature comes from here. */
export const accountKeys = {
  all: ['account'] as const,
  profile: () => [...accountKeys.all, 'profile'] as const,
  /** Every page of the security log, or one page of it. */
  audit: (query?: AuditListQuery) =>
    query
      ? ([...accountKeys.all, 'audit', query] as const)
      : ([...accountKeys.all, 'audit'] as const),
  sessions: () => [...accountKeys.all, 'sessions'] as const,
  rememberedBrowsers: () => [...accountKeys.all, 'remembered-browsers'] as const,
  /** KEY-2: whether the password change may offer a key. */
  securityKeys: () => [...accountKeys.all, 'security-keys'] as const,
};
