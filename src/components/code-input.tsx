import { type ChangeEvent, forwardRef, type InputHTMLAttributes, useId } from 'react';
import { CODE_LENGTH } from '@/api/limits';
import styles from './code-input.module.css';
import { describedBy, FieldMessages } from './field-messages';

/** Input types that deliver a whole value at once rather than a key at a time. */
const WHOLE_VALUE_INPUT_TYPES = new Set([
  'insertFromPaste',
  'insertFromDrop',
  'insertReplacementText',
]);

/**
 * Whether a change put more than one character in at once (a paste or an
 * autofill, also over an earlier code) rather than a key press. Where the
 * browser says how the text came in, that decides; otherwise whatever the old
 * and new values do not share at their ends is what was put in.
 */
export function arrivedAtOnce(previous: string, next: string, inputType?: string): boolean {
  if (inputType !== undefined && WHOLE_VALUE_INPUT_TYPES.has(inputType)) return true;
  let prefix = 0;
  while (prefix < previous.length && prefix < next.length && previous[prefix] === next[prefix]) {
    prefix += 1;
  }
  let suffix = 0;
  while (
    suffix < previous.length - prefix &&
    suffix < next.length - prefix &&
    previous[previous.length - 1 - suffix] === next[next.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  return next.length - prefix - suffix > 1;
}

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
  /** A whole code arrived at once (paste or autofill, also over an old one): the form submits by itself (CODE-2, CODE-3). */
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
    const { inputType } = event.nativeEvent as Partial<InputEvent>;
    if (digits.length === CODE_LENGTH && arrivedAtOnce(value, digits, inputType)) {
      onComplete?.(digits);
    }
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
