import { type ReactNode, type RefObject, useEffect, useState } from 'react';
import { isApiError } from '@/api/api-error';
import { formatCountdown, formatTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useNow } from '@/lib/use-now';
import { Button } from './button';
import styles from './code-form.module.css';

const LOCK_CODES = new Set(['CODE_LOCKED', 'ACCOUNT_LOCKED', 'RATE_LIMITED']);

/** When a refusal locks code entry, and whether it still does (live). */
function useLock(error: unknown) {
  const lockedUntil = isApiError(error) && LOCK_CODES.has(error.code) ? error.retryAt : null;
  const now = useNow(lockedUntil !== null);
  const locked = lockedUntil !== null && now < lockedUntil;
  return { lockedUntil, locked, remainingMs: locked ? lockedUntil - now : 0 };
}

/**
 * What every code form shares (CODE-3, CODE-4): a refusal selects the code so
 * typing replaces it, goes away once the code is edited (`edited`), and a
 * lockout counts down; `deadline` is when the step itself ends.
 */
export function useCodeEntry({
  error,
  pending,
  deadline,
  input,
}: {
  error: unknown;
  pending: boolean;
  deadline: number | undefined;
  input: RefObject<HTMLInputElement | null>;
}) {
  // The refusal the user has typed past (CODE-3): it no longer describes what is in the field.
  const [editedPast, setEditedPast] = useState<unknown>(null);
  const { lockedUntil, locked, remainingMs } = useLock(error);
  const lockOutlastsStep =
    locked && lockedUntil !== null && deadline !== undefined && lockedUntil >= deadline;

  // After a refusal the code stays, selected, so typing or pasting replaces it (QUAL-1, CODE-3).
  useEffect(() => {
    if (error && !pending) input.current?.select();
  }, [error, pending, input]);

  const lockOver = lockedUntil !== null && !locked;
  return {
    locked,
    lockOutlastsStep,
    remainingMs,
    /** The refusal still describes the field's code. */
    refusalShown: Boolean(error) && error !== editedPast && !lockOver,
    edited: () => {
      if (error) setEditedPast(error);
    },
  };
}

/** The countdown of a lock, the step's deadline, and the actions under a code field. */
export function CodeEntryFooter({
  entry,
  deadline,
  secondary,
  pending,
  disabled = false,
  submitLabel,
}: {
  entry: ReturnType<typeof useCodeEntry>;
  deadline: number | undefined;
  secondary: ReactNode;
  pending: boolean;
  disabled?: boolean;
  submitLabel?: string | undefined;
}) {
  const t = useT();
  const language = useLanguage();
  return (
    <>
      {entry.locked && !entry.lockOutlastsStep && (
        // A timer is not a live region: the lock was announced once, the seconds are not.
        <p role="timer" className={styles.countdown}>
          {t('code.unlocksIn', { countdown: formatCountdown(entry.remainingMs) })}
        </p>
      )}
      {deadline !== undefined && !entry.lockOutlastsStep && (
        <p className={styles.deadline}>
          {t('code.deadline', { time: formatTime(deadline, language) })}
        </p>
      )}
      <div className={styles.actions}>
        {secondary}
        <Button type="submit" variant="primary" busy={pending} disabled={entry.locked || disabled}>
          {submitLabel ?? t('common.confirm')}
        </Button>
      </div>
    </>
  );
}
