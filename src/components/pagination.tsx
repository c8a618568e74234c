import { useLanguage, useT } from '@/lib/i18n/i18n';
import { Button } from './button';
import styles from './pagination.module.css';
import { SelectField } from './select-field';

/** Pages of a list the server pages (TICKET-1), with the rows-per-page choice. */
export function Pagination({
  page,
  pageSize,
  total,
  pageSizes,
  onPage,
  onPageSize,
  label,
}: {
  page: number;
  pageSize: number;
  total: number;
  pageSizes: readonly number[];
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
  label: string;
}) {
  const t = useT();
  const language = useLanguage();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const number = new Intl.NumberFormat(language);
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className={styles.pagination} aria-label={label}>
      <p className={styles.range} aria-live="polite">
        {t('pagination.range', {
          first: number.format(first),
          last: number.format(last),
          total: number.format(total),
        })}
      </p>
      <SelectField
        className={styles.size}
        label={t('pagination.pageSize')}
        value={String(pageSize)}
        onChange={(event) => onPageSize(Number(event.target.value))}
        options={pageSizes.map((size) => ({ value: String(size), label: String(size) }))}
      />
      <div className={styles.pages}>
        <Button size="sm" onClick={() => onPage(page - 1)} disabled={page <= 1}>
          <span aria-hidden="true">‹</span> {t('pagination.previous')}
        </Button>
        <span className={styles.current}>
          {t('pagination.page', { page: number.format(page), pages: number.format(pages) })}
        </span>
        <Button size="sm" onClick={() => onPage(page + 1)} disabled={page >= pages}>
          {t('pagination.next')} <span aria-hidden="true">›</span>
        </Button>
      </div>
    </nav>
  );
}
