import type { AccountSession } from '@/api/schemas/account';
import type { Translate } from '@/lib/i18n/i18n';

/** The server names what it does not recognise "Unknown"; the screen says it in the reader's language. */
const UNKNOWN = 'Unknown';

/** SESSION-1, REMEMBER-1: the browser and system of a session or a remembered browser. */
export function deviceOf(t: Translate, session: Pick<AccountSession, 'browser' | 'os'>): string {
  return t('sessions.device', {
    browser: session.browser === UNKNOWN ? t('sessions.unknownBrowser') : session.browser,
    os: session.os === UNKNOWN ? t('sessions.unknownOs') : session.os,
  });
}

/**
 * Where a session signed in from: its IP address where the host knows it (the
 * server). The in-browser mock has no network, and every session it holds is
 * a tab of this very browser, so it says that instead.
 */
export function addressOf(t: Translate, session: AccountSession): string {
  if (session.ipAddress !== null) return t('sessions.address', { address: session.ipAddress });
  return import.meta.env.MOCK_BACKEND ? t('sessions.thisBrowser') : t('sessions.addressUnknown');
}

/** This session first, then the others from the most recently active. */
export function inDisplayOrder(sessions: readonly AccountSession[]): AccountSession[] {
  return [...sessions].sort(
    (a, b) =>
      Number(b.current) - Number(a.current) ||
      Date.parse(b.lastActiveAt) - Date.parse(a.lastActiveAt),
  );
}
