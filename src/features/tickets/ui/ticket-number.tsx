import styles from './ticket-number.module.css';

/** A ticket number (TK100001) in monospace, so numbers line up and read digit by digit. */
export function TicketNumber({ number }: { number: string }) {
  return <span className={styles.number}>{number}</span>;
}
