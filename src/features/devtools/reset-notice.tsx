import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { useT } from '@/lib/i18n/i18n';
import { useDismissNotice } from './api/dev-mutations';
import { useDevStatus } from './api/dev-queries';
import styles from './devtools.module.css';

/** MOCK-2: says so when stored demo data was unreadable or outdated and was reset. */
export function ResetNotice() {
  const t = useT();
  const status = useDevStatus();
  const dismiss = useDismissNotice();
  const notice = status.data?.notice;
  if (!notice) return null;
  return (
    <div className={styles.notice}>
      <Alert
        tone="warning"
        action={
          <Button size="sm" onClick={() => dismiss.mutate()} busy={dismiss.isPending}>
            {t('dev.dismiss')}
          </Button>
        }
      >
        {notice.reason === 'corrupt' ? t('dev.noticeCorrupt') : t('dev.noticeOutdated')}
      </Alert>
    </div>
  );
}
