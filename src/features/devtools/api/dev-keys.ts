/** HOUSE rule 5: every query key of the dev tools comes from here. */
export const devKeys = {
  all: ['dev'] as const,
  mailbox: () => [...devKeys.all, 'mailbox'] as const,
  status: () => [...devKeys.all, 'status'] as const,
  authenticator: () => [...devKeys.all, 'authenticator'] as const,
};
