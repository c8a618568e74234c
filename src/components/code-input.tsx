import { forwardRef, useId, type ChangeEvent, type InputHTMLAttributes } from 'react';
import { CODE_LENGTH } from '@/api/limits';
import styles from './code-input.module.css';
import { describedBy, FieldMessages } from './field-messages';

/** Digits of a typed, pasted or autofilled code; null when it holds anything but digits and separators. */
export function digitsOf(raw: string): string | null {
  const stripped = raw.replace(/[\s-]/g, '');
  return /^\d*$/.test(stripped) ? stripped.slice(0, CODE_LENGTH) : null;
}

export interface CodeInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'type'
> {
  label: string;
  value: string;
  onChange: (digits: string) => void;
  /** A whole code arrived at once (paste or autofill): the form submits by itself (CODE-2). */
  onComplete?: (digits: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
}

/**
 * CODE-1: one real input, drawn as six slots. `one-time-code` lets phones offer
 * the code from a message; letters are refused as typed; `123 456` and `123-456`
 * paste as `123456`.
 */
export const CodeInput = forwardRef<HTMLInputElement, CodeInputProps>(function CodeInput(
  { label, value, onChange, onComplete, error, hint, id, disabled, ...input },
  ref,
) {
  const generatedId = useId();
  const inputId = id ?? generatedId;

  function change(event: ChangeEvent<HTMLInputElement>) {
    const digits = digitsOf(event.target.value);
    if (digits === null) return;
    onChange(digits);
    const arrivedAtOnce = digits.length - value.length > 1;
    if (digits.length === CODE_LENGTH && arrivedAtOnce) onComplete?.(digits);
  }

  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={inputId}>
        {label}
      </label>
      <div className={styles.slots} data-disabled={disabled || undefined}>
        <input
          {...input}
          ref={ref}
          id={inputId}
          className={styles.input}
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          spellCheck={false}
          value={value}
          onChange={change}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(inputId, hint, error)}
        />
        {Array.from({ length: CODE_LENGTH }, (_, index) => (
          <span
            key={index}
            aria-hidden="true"
            className={styles.slot}
            data-filled={index < value.length || undefined}
            data-active={index === Math.min(value.length, CODE_LENGTH - 1) || undefined}
          >
            {value[index] ?? ''}
          </span>
        ))}
      </div>
      <FieldMessages id={inputId} hint={hint} error={error} announce />
    </div>
  );
});
