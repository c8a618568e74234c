import type { ReactNode } from 'react';
import styles from './scroll-region.module.css';

/**
 * A wide table that scrolls sideways on a phone. It is focusable so keyboard
 * users can scroll it too, and named so screen readers announce what it holds.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <div className={styles.region} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
