import { useT } from '@/lib/i18n/i18n';
import styles from './steps.module.css';

/** BIND-4: where the user is in a wizard. */
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
  return (
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
  );
}
