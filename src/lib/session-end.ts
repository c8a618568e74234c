import { create } from 'zustand';

/** Why the last session ended, if it did: it decides what the login page says and where it leads. */
export type SessionEnd = 'expired' | 'logged-out' | null;

export const useSessionEnd = create<{
  reason: SessionEnd;
  setReason: (reason: SessionEnd) => void;
}>()((set) => ({
  reason: null,
  setReason: (reason) => set({ reason }),
}));
