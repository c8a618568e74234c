import { create } from 'zustand';

interface RecoveryNoticeState {
  /** How many recovery codes were left after the one just used to sign in; null: nothing to say. */
  left: number | null;
  show: (left: number) => void;
  dismiss: () => void;
}

/**
 * RECOVERY-2: after signing in with a recovery code, the console says how many
 * are left, until dismissed. UI state only (HOUSE rule 6): a count, no code,
 * and it lives in memory, not in storage.
 */
export const useRecoveryNotice = create<RecoveryNoticeState>()((set) => ({
  left: null,
  show: (left) => set({ left }),
  dismiss: () => set({ left: null }),
}));
