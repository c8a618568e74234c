import { create } from 'zustand';

interface RememberedNoticeState {
  /** The last login skipped the code on a remembered browser (REMEMBER-1). */
  shown: boolean;
  set: (shown: boolean) => void;
}

/**
 * REMEMBER-1: after a login that skipped the code, the console says so, until
 * dismissed or the next login. UI state only (HOUSE rule 6), in memory.
 */
export const useRememberedNotice = create<RememberedNoticeState>()((set) => ({
  shown: false,
  set: (shown) => set({ shown }),
}));
