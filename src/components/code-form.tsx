import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { isApiError } from '@/api/api-error';
import { CODE_LENGTH } from '@/api/limits';
import { errorMessage } from '@/lib/error-message';
import { formatCountdown, formatTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useNow } from '@/lib/use-now';
import { Button } from './button';
import styles from './code-form.module.css';
import { CodeInput } from './code-input';

const LOCK_CODES = new Set(['CODE_LOCKED', 'ACCOUNT_LOCKED', 'RATE_LIMITED']);

/** When a refusal locks code entry, and whether it still does (live). */
export function useLock(error: unknown) {
  const lockedUntil = isApiError(error) && LOCK_CODES.has(error.code) ? error.retryAt : null;
  const now = useNow(lockedUntil !== null);
  const locked = lockedUntil !== null && now < lockedUntil;
  return { lockedUntil, locked, remainingMs: locked ? lockedUntil - now : 0 };
}

/**
 * Everywhere a 6-digit code is typed (CODE-1 to CODE-4): Enter or a complete
 * paste submits, nothing is sent twice, errors are announced with focus kept in
 * the field and go away once the code is edited, and a lockout keeps the form
 * disabled until it ends, counting down. `deadline` is when the step itself
 * ends (a pending login): the form says so, and says to start again instead
 * when a lock would outlast it.
 */
export function CodeForm({
  label,
  onSubmit,
  pending,
  error,
  submitLabel,
  secondary,
  deadline,
  focusOnMount = true,
  disabled = false,
}: {
  label: string;
  onSubmit: (code: string) => void;
  pending: boolean;
  error: unknown;
  submitLabel?: string;
  /** Other actions beside the submit button (back, cancel). */
  secondary?: ReactNode;
  /** Milliseconds since the epoch when the step this code belongs to expires. */
  deadline?: number;
  /** False where the step's heading takes focus first (QUAL-2). */
  focusOnMount?: boolean;
  disabled?: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  const [code, setCode] = useState('');
  const [incomplete, setIncomplete] = useState(false);
  // The refusal the user has typed past (CODE-3): it no longer describes what is in the field.
  const [editedPast, setEditedPast] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);
  const { lockedUntil, locked, remainingMs } = useLock(error);
  const lockOutlastsStep =
    locked && lockedUntil !== null && deadline !== undefined && lockedUntil >= deadline;

  // After a refusal the code stays, selected, so typing or pasting replaces it (QUAL-1, CODE-3).
  useEffect(() => {
    if (error && !pending) input.current?.select();
  }, [error, pending]);

  function submit(digits: string) {
    if (pending || locked || disabled) return;
    if (digits.length !== CODE_LENGTH) {
      setIncomplete(true);
      input.current?.focus();
      return;
    }
    setIncomplete(false);
    onSubmit(digits);
  }

  const lockOver = lockedUntil !== null && !locked;
  const refusalShown = error && error !== editedPast && !lockOver;
  const message = lockOutlastsStep
    ? t('code.lockedPastDeadline')
    : incomplete
      ? t('code.incomplete')
      : refusalShown
        ? errorMessage(t, language, error)
        : undefined;

  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        submit(code);
      }}
    >
      <CodeInput
        ref={input}
        label={label}
        value={code}
        onChange={(digits) => {
          setCode(digits);
          setIncomplete(false);
          if (error) setEditedPast(error);
        }}
        onComplete={submit}
        error={message}
        hint={t('code.hint')}
        disabled={locked || disabled}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- the code is the only thing this step asks for
        autoFocus={focusOnMount}
        readOnly={pending}
      />
      {locked && !lockOutlastsStep && (
        // A timer is not a live region: the lock was announced once, the seconds are not.
        <p role="timer" className={styles.countdown}>
          {t('code.unlocksIn', { countdown: formatCountdown(remainingMs) })}
        </p>
      )}
      {deadline !== undefined && !lockOutlastsStep && (
        <p className={styles.deadline}>
          {t('code.deadline', { time: formatTime(deadline, language) })}
        </p>
      )}
      <div className={styles.actions}>
        {secondary}
        <Button type="submit" variant="primary" busy={pending} disabled={locked || disabled}>
          {submitLabel ?? t('common.confirm')}
        </Button>
      </div>
    </form>
  );
}
