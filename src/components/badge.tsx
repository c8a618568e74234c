import type { ReactNode } from 'react';
import styles from './badge.module.css';

export function Badge({
  tone,
  children,
}: {
  tone: 'success' | 'neutral' | 'warning' | 'info';
  children: ReactNode;
}) {
  return <span className={`${styles.badge} ${styles[tone]}`}>{children}</span>;
}
