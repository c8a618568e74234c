import { useT } from '@/lib/i18n/i18n';
import styles from './steps.module.css';

/**
 * BIND-4: where the user is in a wizard. From tablet width every step shows
 * on one row; on a phone only "Step 2 of 4" and the current step's name do,
 * since four names side by side would each wrap to several lines there.
 */
export function Steps({
  label,
  steps,
  current,
}: {
  label: string;
  steps: readonly string[];
  current: number;
}) {
  const t = useT();
  const currentName = steps[Math.min(current, steps.length - 1)];
  return (
    <div className={styles.wrap}>
      <p className={styles.compact}>
        <span className={styles.compactCount}>
          {t('steps.count', { current: Math.min(current + 1, steps.length), total: steps.length })}
        </span>
        <span className={styles.compactName}>{currentName}</span>
      </p>
      <ol className={styles.steps} aria-label={label}>
        {steps.map((step, index) => {
          const state = index < current ? 'done' : index === current ? 'current' : 'todo';
          return (
            <li
              key={step}
              className={styles.step}
              data-state={state}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className={styles.marker} aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              <span className={styles.name}>
                {step}
                {state === 'done' && <span className="visually-hidden"> {t('steps.done')}</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
