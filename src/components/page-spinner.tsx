import { useT } from '@/lib/i18n/i18n';
import styles from './query-state.module.css';
import { Spinner } from './spinner';

/** The spinner in a page's place while its code or data loads. */
export function PageSpinner() {
  const t = useT();
  return (
    <div className={styles.loading}>
      <Spinner label={t('app.loading')} />
    </div>
  );
}
