import type { ReactNode } from 'react';
import styles from './alert.module.css';

type Tone = 'danger' | 'success' | 'warning' | 'info';

/**
 * A message in the flow of the page. Errors use role="alert" so screen readers
 * announce them; the rest are polite status messages.
 */
export function Alert({
  tone = 'info',
  title,
  children,
  action,
  id,
}: {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  id?: string;
}) {
  return (
    <div
      id={id}
      className={`${styles.alert} ${styles[tone]}`}
      role={tone === 'danger' ? 'alert' : 'status'}
    >
      <div className={styles.body}>
        {title && <p className={styles.title}>{title}</p>}
        {children && <div>{children}</div>}
      </div>
      {action && <div className={styles.action}>{action}</div>}
    </div>
  );
}
