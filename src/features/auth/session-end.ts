import { create } from 'zustand';
import type { SessionEndCause } from '@/api/session-end-causes';
import type { Translate } from '@/lib/i18n/i18n';

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

/**
 * What the password step says of a session that ended without the user
 * logging out here: the reason first, else a forced bind they cancelled.
 */
export function endNotice(
  t: Translate,
  reason: SessionEnd,
  bindCancelledFor: string | null,
): string | undefined {
  switch (reason) {
    case 'expired':
      return t('login.sessionExpired');
    case 'signed_out':
      return t('login.endedSignedOut');
    case 'password_changed':
      return t('login.endedPasswordChanged');
    case 'security_changed':
      return t('login.endedSecurityChanged');
    case 'customer_service':
      return t('login.endedCustomerService');
  }
  return bindCancelledFor !== null
    ? t('forced.cancelledNotice', { workspace: bindCancelledFor })
    : undefined;
}
