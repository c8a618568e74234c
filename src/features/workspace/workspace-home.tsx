import { Link, useParams } from 'react-router-dom';
import { appPaths } from '@/api/app-paths';
import { RECOVERY_CODES_LOW } from '@/api/limits';
import { Alert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useActiveSession } from '@/lib/session';
import { useWorkspace } from './api/workspace-queries';
import styles from './workspace.module.css';

/** SHELL-2: the home page of the current workspace. */
export function WorkspaceHome() {
  const t = useT();
  const language = useLanguage();
  const { workspaceId = '' } = useParams();
  const session = useActiveSession();
  const workspace = useWorkspace(workspaceId);
  const codesLeft = session.user.recoveryCodesLeft;
  return (
    <QueryState query={workspace}>
      {(data) => (
        <>
          <PageHeader title={t('home.title', { workspace: data.name })} />
          <dl className={styles.stats}>
            <div className={styles.stat}>
              <dt>{t('home.yourRole')}</dt>
              <dd>{t(`role.${data.role}`)}</dd>
            </div>
            <div className={styles.stat}>
              <dt>{t('home.members')}</dt>
              <dd>{data.memberCount}</dd>
            </div>
            <div className={styles.stat}>
              <dt>{t('home.mfaPolicy')}</dt>
              <dd>
                {data.mfaGraceEndsAt ? (
                  // MANDATORY-5: on, but not enforced before the deadline.
                  <>
                    <Badge tone="warning">{t('home.mfaPolicyGrace')}</Badge>
                    <span className={styles.bindBy}>
                      {t('home.mfaPolicyGraceUntil', {
                        deadline: formatDateTime(data.mfaGraceEndsAt, language),
                      })}
                    </span>
                  </>
                ) : (
                  <Badge tone={data.mfaRequired ? 'success' : 'neutral'}>
                    {data.mfaRequired ? t('home.mfaPolicyOn') : t('home.mfaPolicyOff')}
                  </Badge>
                )}
              </dd>
            </div>
            <div className={styles.stat}>
              <dt>{t('home.yourMfa')}</dt>
              <dd>
                <Badge tone={session.user.mfaBound ? 'success' : 'warning'}>
                  {session.user.mfaBound ? t('home.mfaBound') : t('home.mfaNotBound')}
                </Badge>
              </dd>
            </div>
          </dl>
          {codesLeft !== null && codesLeft <= RECOVERY_CODES_LOW && (
            // RECOVERY-3: running out of recovery codes is worth a word on the home page.
            <Alert tone="warning">
              {codesLeft === 0
                ? t('recovery.rowEmpty')
                : t('recovery.rowLow', { count: codesLeft })}{' '}
              <Link to={appPaths.account.href}>{t('recovery.makeNew')}</Link>
            </Alert>
          )}
          {!session.user.mfaBound && (
            <Card title={t('account.mfa')} description={t('home.bindHint')}>
              <Link to={appPaths.account.href}>{t('home.goToSecurity')}</Link>
            </Card>
          )}
        </>
      )}
    </QueryState>
  );
}
