import type { Language } from './preferences';

/*
 * One rule for every moment on screen: in the reader's own time zone, which
 * goes unnamed, as everywhere else in the app. Emails are the exception and
 * say UTC, since their reader's zone is unknown (backend/domain/mail.ts).
 */

export function formatDateTime(iso: string | number, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function formatDate(iso: string | number, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatTime(iso: string | number, language: Language): string {
  return new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(new Date(iso));
}

/** A time left as `m:ss`, or `h:mm:ss` from an hour on, rounded up to the second. */
export function formatCountdown(remainingMs: number): string {
  const totalSeconds = Math.max(0, Math.ceil(remainingMs / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}
