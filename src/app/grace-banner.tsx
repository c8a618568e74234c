import { Link, useLocation } from 'react-router-dom';
import { appPaths, returningTo } from '@/api/app-paths';
import type { WorkspaceSummary } from '@/api/schemas/session';
import { Alert } from '@/components/alert';
import { formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import styles from './shell/shell.module.css';

/**
 * MANDATORY-5: while a workspace's grace period runs, a member without MFA
 * sees its deadline on every page, and a way to bind that comes back to the
 * page it started from (BIND-7). After the deadline the server enforces MFA
 * and the forced bind takes over; this banner does not decide that.
 */
export function GraceBanner({
  workspace,
  mfaBound,
}: {
  workspace: WorkspaceSummary | undefined;
  mfaBound: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  const location = useLocation();
  if (mfaBound || !workspace?.mfaRequired || !workspace.mfaGraceEndsAt) return null;
  const here = `${location.pathname}${location.search}`;
  return (
    <div className={styles.banner}>
      <Alert
        tone="warning"
        action={
          <Link className={styles.bannerAction} to={returningTo(appPaths.bindMfa.href, here)}>
            {t('grace.bindNow')}
          </Link>
        }
      >
        {t('grace.banner', {
          workspace: workspace.name,
          deadline: formatDateTime(workspace.mfaGraceEndsAt, language),
        })}
      </Alert>
    </div>
  );
}
