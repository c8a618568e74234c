import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { isApiError } from '@/api/api-error';
import { CODE_LENGTH } from '@/api/limits';
import { errorMessage } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useNow } from '@/lib/use-now';
import { Button } from './button';
import { CodeInput } from './code-input';
import styles from './code-form.module.css';

const LOCK_CODES = new Set(['CODE_LOCKED', 'ACCOUNT_LOCKED', 'RATE_LIMITED']);

/**
 * Everywhere a 6-digit code is typed (CODE-1 to CODE-4): Enter or a complete
 * paste submits, nothing is sent twice, errors are announced with focus kept in
 * the field, and a lockout keeps the form disabled until it ends.
 */
export function CodeForm({
  label,
  onSubmit,
  pending,
  error,
  submitLabel,
  secondary,
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
  /** False where the step's heading takes focus first (QUAL-2). */
  focusOnMount?: boolean;
  disabled?: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  const [code, setCode] = useState('');
  const [incomplete, setIncomplete] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const lockedUntil = isApiError(error) && LOCK_CODES.has(error.code) ? error.retryAt : null;
  const now = useNow(lockedUntil !== null);
  const locked = lockedUntil !== null && now < lockedUntil;

  // After a refusal the code stays, selected, so typing replaces it (QUAL-1, CODE-3).
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

  const message = incomplete
    ? t('code.incomplete')
    : error
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
        }}
        onComplete={submit}
        error={message}
        hint={t('code.hint')}
        disabled={locked || disabled}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- the code is the only thing this step asks for
        autoFocus={focusOnMount}
        readOnly={pending}
      />
      <div className={styles.actions}>
        {secondary}
        <Button type="submit" variant="primary" busy={pending} disabled={locked || disabled}>
          {submitLabel ?? t('common.confirm')}
        </Button>
      </div>
    </form>
  );
}
