import { useMutation } from '@tanstack/react-query';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { PasswordResetRequest } from '@/api/schemas/account';
import type { EmailCodeSent } from '@/api/schemas/mfa';
import type { LoginSecondFactorRequest } from '@/api/schemas/remember';
import type { LoginRequest, Session } from '@/api/schemas/session';
import { discardAllDrafts } from '@/lib/drafts';
import { useSessionCache } from '@/lib/session';
import { useRecoveryNotice } from '../recovery-notice-store';
import { useRememberedNotice } from '../remembered-notice-store';
import { useSessionEnd } from '../session-end';

// Auth keeps no cache of its own, so it has no key factory: each answer below is
// the new session, written through useSessionCache, and the guards follow it.

/** KEY-2: a challenge for the login's code step, answered by one of the account's keys. */
export function requestLoginKeyOptions(): Promise<unknown> {
  return request(paths.sessionMfaKeyOptions.href, { method: 'POST' });
}

/** LOGIN-1: email and password; the answer says which step the session is at (LOGIN-2). */
export function useLogIn() {
  const cache = useSessionCache();
  return useMutation({
    mutationFn: (credentials: LoginRequest) =>
      request<Session>(paths.session.href, { method: 'POST', body: credentials }),
    onSuccess: (session) => {
      // REMEMBER-1: set before the guards move on, so the console says why no code was asked.
      useRememberedNotice
        .getState()
        .set(session.state === 'active' && session.rememberedBrowser === true);
      cache.replace(session);
    },
  });
}

/**
 * LOGIN-3 / LOGIN-6: the code owed, or a recovery code (RECOVERY-2); the answer
 * is the new, full session. After a recovery code the console says how many
 * are left, once: the notice is set before the guards move on.
 */
export function useVerifyLoginCode() {
  const cache = useSessionCache();
  return useMutation({
    mutationFn: (proof: LoginSecondFactorRequest) =>
      request<Session>(paths.sessionMfa.href, { method: 'POST', body: proof }),
    onSuccess: (session, proof) => {
      if ('recoveryCode' in proof && session.state === 'active') {
        useRecoveryNotice.getState().show(session.user.recoveryCodesLeft ?? 0);
      }
      cache.replace(session);
    },
  });
}

/**
 * LOGIN-7: logging out ends the session on the server, then forgets everything
 * cached. It lands on a plain login page: a `returnTo` is for an interrupted
 * user, not for the next person at this computer.
 */
export function useLogOut() {
  const cache = useSessionCache();
  const setEndReason = useSessionEnd((state) => state.setReason);
  return useMutation({
    mutationFn: () => request(paths.session.href, { method: 'DELETE' }),
    onSuccess: () => {
      setEndReason('logged-out');
      useRecoveryNotice.getState().dismiss();
      discardAllDrafts();
      cache.end();
      cache.forgetTheRest();
    },
  });
}

/**
 * SHELL-1: the answer is the session in the chosen workspace; one that enforces
 * MFA answers with a session that owes it. `onAnswer` runs before the session
 * is replaced, because the guards act on the new session at once and must
 * already know where the user was going.
 */
export function useSwitchWorkspace(onAnswer: (session: Session, workspaceId: string) => void) {
  const cache = useSessionCache();
  return useMutation({
    mutationFn: (workspaceId: string) =>
      request<Session>(paths.sessionWorkspace.href, { method: 'PUT', body: { workspaceId } }),
    onSuccess: (session, workspaceId) => {
      onAnswer(session, workspaceId);
      cache.replace(session);
    },
  });
}

/** PASSWORD-2: emails a reset code; the answer is the same for an email without an account. */
export function useSendPasswordResetCode(email: string) {
  return useMutation({
    mutationFn: () =>
      request<EmailCodeSent>(paths.passwordResetEmailCode.href, {
        method: 'POST',
        body: { email },
      }),
  });
}

/**
 * PASSWORD-2: the new password, with the emailed code. It signs nobody in and
 * ends every session of the account, this tab's too if it held one: the
 * session is asked for again.
 */
export function useResetPassword() {
  const cache = useSessionCache();
  return useMutation({
    mutationFn: (reset: PasswordResetRequest) =>
      request(paths.passwordReset.href, { method: 'POST', body: reset }),
    onSuccess: () => cache.refetch(),
  });
}
