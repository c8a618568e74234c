import { create } from 'zustand';
import type { SessionEndCause } from '@/api/session-end-causes';

/**
 * Why the last session ended, if it did: it decides what the login page says
 * and where it leads. Besides expiry and the user's own logout, the server
 * may have ended it from elsewhere, and says why (SESSION_ENDED).
 */
export type SessionEnd = 'expired' | 'logged-out' | SessionEndCause | null;

interface SessionEndState {
  reason: SessionEnd;
  /**
   * Where the user was going when the session stopped being a full one, when
   * that is not the page on screen (a workspace switch that now owes MFA).
   */
  destination: string | null;
  /**
   * The workspace whose forced bind the user cancelled (LOGIN-4), so the login
   * page can say why they were signed out.
   */
  bindCancelledFor: string | null;
  setReason: (reason: SessionEnd) => void;
  setDestination: (destination: string | null) => void;
  setBindCancelledFor: (workspace: string | null) => void;
}

export const useSessionEnd = create<SessionEndState>()((set) => ({
  reason: null,
  destination: null,
  bindCancelledFor: null,
  setReason: (reason) => set({ reason }),
  setDestination: (destination) => set({ destination }),
  setBindCancelledFor: (bindCancelledFor) => set({ bindCancelledFor }),
}));
