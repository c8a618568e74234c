import type { ReactNode } from 'react';
import styles from './page-card.module.css';
import { PageHeading } from './page-heading';

/** The single card of a pre-login page: login, code entry, forced bind. */
export function PageCard({
  title,
  subtitle,
  children,
  footer,
  wide = false,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}) {
  return (
    <section className={`${styles.card} ${wide ? styles.wide : ''}`}>
      <header className={styles.header}>
        <PageHeading>{title}</PageHeading>
        {subtitle && <p className={styles.subtitle}>{subtitle}</p>}
      </header>
      {children}
      {footer && <footer className={styles.footer}>{footer}</footer>}
    </section>
  );
}
