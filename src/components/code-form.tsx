import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { CODE_LENGTH } from '@/api/limits';
import { errorMessage } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { CodeEntryFooter, useCodeEntry } from './code-entry';
import styles from './code-form.module.css';
import { CodeInput } from './code-input';

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
  const input = useRef<HTMLInputElement>(null);
  const entry = useCodeEntry({ error, pending, deadline, input });
  const { locked, lockOutlastsStep } = entry;

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

  const message = lockOutlastsStep
    ? t('code.lockedPastDeadline')
    : incomplete
      ? t('code.incomplete')
      : entry.refusalShown
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
          entry.edited();
        }}
        onComplete={submit}
        error={message}
        hint={t('code.hint')}
        disabled={locked || disabled}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- the code is the only thing this step asks for
        autoFocus={focusOnMount}
        readOnly={pending}
      />
      <CodeEntryFooter
        entry={entry}
        deadline={deadline}
        secondary={secondary}
        pending={pending}
        disabled={disabled}
        submitLabel={submitLabel}
      />
    </form>
  );
}
