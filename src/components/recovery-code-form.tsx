import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { isApiError } from '@/api/api-error';
import { RECOVERY_CODE_CHARACTERS, RECOVERY_CODE_INPUT_MAX_LENGTH } from '@/api/limits';
import { errorMessage } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { CodeEntryFooter, useCodeEntry } from './code-entry';
import styles from './code-form.module.css';
import fieldStyles from './field.module.css';
import { describedBy, FieldMessages } from './field-messages';

/** The contract's shape of a recovery code as typed (src/api/schemas/mfa.ts), checked before sending. */
const RECOVERY_CODE_PATTERN = new RegExp(
  `^[ -]*(?:[A-Za-z0-9][ -]*){${RECOVERY_CODE_CHARACTERS}}$`,
);

export function isRecoveryCodeShape(input: string): boolean {
  return input.length <= RECOVERY_CODE_INPUT_MAX_LENGTH && RECOVERY_CODE_PATTERN.test(input);
}

/**
 * RECOVERY-2: a recovery code typed instead of the 6-digit code, with the same
 * behaviour as CodeForm (CODE-2 to CODE-4): Enter submits, nothing is sent
 * twice, a refusal is announced with focus kept in the field and goes away once
 * the code is edited, and a lockout keeps the form disabled, counting down.
 * Dashes, spaces and case are the user's to choose; a code of the wrong shape
 * is refused here, before it is sent.
 */
export function RecoveryCodeForm({
  onSubmit,
  pending,
  error,
  secondary,
  deadline,
  focusOnMount = true,
}: {
  onSubmit: (recoveryCode: string) => void;
  pending: boolean;
  error: unknown;
  secondary?: ReactNode;
  deadline?: number;
  focusOnMount?: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [malformed, setMalformed] = useState(false);
  const entry = useCodeEntry({ error, pending, deadline, input });
  const { locked, lockOutlastsStep } = entry;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (pending || locked) return;
    if (!isRecoveryCodeShape(code)) {
      setMalformed(true);
      input.current?.focus();
      return;
    }
    setMalformed(false);
    onSubmit(code);
  }

  const message = lockOutlastsStep
    ? t('code.lockedPastDeadline')
    : malformed
      ? t('recovery.malformed')
      : entry.refusalShown
        ? isApiError(error) && error.code === 'INVALID_CODE'
          ? t('recovery.invalid')
          : errorMessage(t, language, error)
        : undefined;
  const hint = t('recovery.hint');

  return (
    <form className={styles.form} noValidate onSubmit={submit}>
      <div className={fieldStyles.field}>
        <label className={fieldStyles.label} htmlFor={inputId}>
          {t('recovery.label')}
        </label>
        <div className={fieldStyles.control}>
          <input
            ref={input}
            id={inputId}
            className={fieldStyles.input}
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={RECOVERY_CODE_INPUT_MAX_LENGTH}
            value={code}
            onChange={(event) => {
              setCode(event.target.value);
              setMalformed(false);
              entry.edited();
            }}
            disabled={locked}
            readOnly={pending}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the code is the only thing this step asks for
            autoFocus={focusOnMount}
            aria-invalid={message ? true : undefined}
            aria-describedby={describedBy(inputId, hint, message)}
          />
        </div>
        <FieldMessages id={inputId} hint={hint} error={message} announce />
      </div>
      <CodeEntryFooter entry={entry} deadline={deadline} secondary={secondary} pending={pending} />
    </form>
  );
}
