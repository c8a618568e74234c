import { useParams } from 'react-router-dom';
import { Badge } from '@/components/badge';
import { Card } from '@/components/card';
import tableStyles from '@/components/data-table.module.css';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { ScrollRegion } from '@/components/scroll-region';
import { formatDate, formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useActiveSession } from '@/lib/session';
import { useMembers, useMfaPolicy } from './api/workspace-queries';
import { GraceNotice } from './grace-notice';
import { MfaPostureCard } from './mfa-posture-card';
import styles from './workspace.module.css';

/**
 * SHELL-2, MANDATORY-4: the Owner's list of members with their MFA status;
 * during a grace period, its deadline and who still has to bind (MANDATORY-5);
 * above it, the workspace's MFA posture at a glance (POSTURE-1).
 */
export function MembersPage() {
  const t = useT();
  const language = useLanguage();
  const { workspaceId = '' } = useParams();
  const session = useActiveSession();
  const workspaceName =
    session.workspaces.find((workspace) => workspace.id === workspaceId)?.name ?? '';
  const members = useMembers(workspaceId);
  const graceEndsAt = useMfaPolicy(workspaceId).data?.graceEndsAt ?? null;
  return (
    <>
      <PageHeader
        title={t('members.title')}
        subtitle={t('members.subtitle', { workspace: workspaceName })}
      />
      <QueryState query={members}>
        {(list) => {
          const notBound = list.filter((member) => !member.mfaBound).length;
          return (
            <>
              <div className={`${styles.summary} ${styles.notices}`}>
                <GraceNotice
                  workspaceId={workspaceId}
                  workspaceName={workspaceName}
                  graceEndsAt={graceEndsAt}
                  unbound={notBound}
                  canEnd
                />
              </div>
              <div className={styles.summary}>
                <MfaPostureCard workspaceId={workspaceId} workspaceName={workspaceName} />
              </div>
              <Card>
                <ScrollRegion label={t('members.title')}>
                  <table className={tableStyles.table}>
                    <thead>
                      <tr>
                        <th scope="col">{t('members.name')}</th>
                        <th scope="col">{t('members.email')}</th>
                        <th scope="col">{t('members.role')}</th>
                        <th scope="col">{t('members.mfa')}</th>
                        <th scope="col">{t('members.joined')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.map((member) => (
                        <tr key={member.id}>
                          <td>{member.name}</td>
                          <td>{member.email}</td>
                          <td>{t(`role.${member.role}`)}</td>
                          <td>
                            <Badge tone={member.mfaBound ? 'success' : 'warning'}>
                              {member.mfaBound ? t('account.bound') : t('account.notBound')}
                            </Badge>
                            {!member.mfaBound && graceEndsAt && (
                              <span className={styles.bindBy}>
                                {t('members.bindBy', {
                                  deadline: formatDateTime(graceEndsAt, language),
                                })}
                              </span>
                            )}
                          </td>
                          <td>{formatDate(member.joinedAt, language)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              </Card>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
