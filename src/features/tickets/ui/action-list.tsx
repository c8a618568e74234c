import type { ReactNode } from 'react';
import styles from './action-list.module.css';

/** The actions a ticket's status allows, each after a line on what it does. */
export function ActionList({ children }: { children: ReactNode }) {
  return <div className={styles.actionList}>{children}</div>;
}

export function ActionHint({ children }: { children: ReactNode }) {
  return <p className={styles.actionHint}>{children}</p>;
}
