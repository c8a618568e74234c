/** HOUSE rule 5: every query key of the MFA feature comes from here. */
export const mfaKeys = {
  all: ['mfa'] as const,
  enrollment: () => [...mfaKeys.all, 'enrollment'] as const,
  securityKeys: () => [...mfaKeys.all, 'security-keys'] as const,
};
