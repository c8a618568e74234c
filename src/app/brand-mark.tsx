import styles from './brand-mark.module.css';

/** The product mark: decorative, the brand name next to it carries the meaning. */
export function BrandMark() {
  return (
    <svg className={styles.mark} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path
        d="M9 16.5a7 7 0 1 1 7 7h-3.5"
        fill="none"
        stroke="var(--color-surface)"
        strokeWidth="3"
        strokeLinecap="round"
      />
      <circle cx="16" cy="16.5" r="2.5" fill="var(--color-surface)" />
    </svg>
  );
}
