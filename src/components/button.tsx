import type { ButtonHTMLAttributes } from 'react';
import styles from './button.module.css';
import { Spinner } from './spinner';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger' | 'link';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  /** Shows a spinner and blocks clicks, so nothing is submitted twice. */
  busy?: boolean;
  size?: 'md' | 'sm';
}

/** The look of a button, for a link that acts as one. */
export function buttonClassName(variant: Variant = 'secondary', size: 'md' | 'sm' = 'md'): string {
  return [styles.button, styles[variant], styles[size]].filter(Boolean).join(' ');
}

export function Button({
  variant = 'secondary',
  busy = false,
  size = 'md',
  disabled,
  className,
  children,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={[styles.button, styles[variant], styles[size], className]
        .filter(Boolean)
        .join(' ')}
    >
      {busy && <Spinner size="sm" />}
      {children}
    </button>
  );
}
