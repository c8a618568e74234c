/** HOUSE rule 5: every query key of the account feature comes from here. */
export const accountKeys = {
  all: ['account'] as const,
  profile: () => [...accountKeys.all, 'profile'] as const,
  audit: () => [...accountKeys.all, 'audit'] as const,
  sessions: () => [...accountKeys.all, 'sessions'] as const,
};
