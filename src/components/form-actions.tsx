import type { ReactNode } from 'react';
import styles from './form-actions.module.css';

/** The buttons at the foot of a form, on the right, set a little apart from the last field. */
export function FormActions({ children }: { children: ReactNode }) {
  return <div className={styles.actions}>{children}</div>;
}
