import type { ReactNode } from 'react';
import styles from './field.module.css';

/**
 * The hint and error under a field, with the ids its input points to
 * (aria-describedby). `announce` makes screen readers say the error at once.
 */
export function FieldMessages({
  id,
  hint,
  error,
  announce = false,
}: {
  id: string;
  hint?: ReactNode;
  error?: string | undefined;
  announce?: boolean;
}) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className={styles.error} role={announce ? 'alert' : undefined}>
          {error}
        </p>
      )}
    </>
  );
}

export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return (
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined
  );
}
