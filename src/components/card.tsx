import { Children, type ReactNode } from 'react';
import styles from './card.module.css';

/** A titled section of a page. */
export function Card({
  title,
  description,
  actions,
  children,
  headingLevel = 2,
}: {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={styles.card}>
      {(title || actions) && (
        <header className={styles.header}>
          <div>
            {title && <Heading className={styles.title}>{title}</Heading>}
            {description && <p className={styles.description}>{description}</p>}
          </div>
          {actions && <div className={styles.actions}>{actions}</div>}
        </header>
      )}
      {Children.toArray(children).length > 0 && <div className={styles.body}>{children}</div>}
    </section>
  );
}
