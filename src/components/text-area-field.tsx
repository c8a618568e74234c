import { type ReactNode, type TextareaHTMLAttributes, useId } from 'react';
import styles from './field.module.css';
import areaStyles from './text-area-field.module.css';

/** Characters of Latin text a row holds in the narrowest layout, a phone's (about 40 em). */
const NARROW_ROW_CHARACTERS = 40;
/** Wide (CJK) characters take the room of two. */
const WIDE_CHARACTER =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/u;

/**
 * Rows that show a text whole, its wrapped lines included, plus one to type
 * in: what a browser without `field-sizing` starts a prefilled field at.
 */
export function rowsToFit(text: string): number {
  const rows = text.split('\n').reduce((sum, line) => {
    const width = [...line].reduce((w, ch) => w + (WIDE_CHARACTER.test(ch) ? 2 : 1), 0);
    return sum + Math.max(1, Math.ceil(width / NARROW_ROW_CHARACTERS));
  }, 0);
  return rows + 1;
}

export interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** Grows with its text, so a prefilled template shows whole from its first line. */
  fitContent?: boolean;
}

/** A multi-line field, labelled and described like TextField. */
export function TextAreaField({
  label,
  error,
  hint,
  fitContent = false,
  id,
  className,
  ...area
}: TextAreaFieldProps) {
  const generatedId = useId();
  const areaId = id ?? generatedId;
  const hintId = `${areaId}-hint`;
  const errorId = `${areaId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={[styles.field, className].filter(Boolean).join(' ')}>
      <label className={styles.label} htmlFor={areaId}>
        {label}
      </label>
      <textarea
        rows={6}
        {...area}
        id={areaId}
        className={fitContent ? `${areaStyles.area} ${areaStyles.fit}` : areaStyles.area}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {hint && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      )}
    </div>
  );
}
