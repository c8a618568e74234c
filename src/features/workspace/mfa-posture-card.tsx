import type { ReactNode } from 'react';
import type { MfaPosture, PostureMember } from '@/api/schemas/workspace';
import { Badge } from '@/components/badge';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { QueryState } from '@/components/query-state';
import { saveBlob } from '@/lib/download';
import { formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useMfaPosture } from './api/workspace-queries';
import styles from './mfa-posture-card.module.css';
import { postureCsv, postureCsvFileName } from './posture-csv';
import workspaceStyles from './workspace.module.css';

/**
 * POSTURE-1: the Owner's MFA posture at a glance: the counts, the grace
 * deadline, who is still unbound, who is short of recovery codes and who has
 * a security key, and the same as CSV. The API answers it to the Owner only.
 */
export function MfaPostureCard({
  workspaceId,
  workspaceName,
}: {
  workspaceId: string;
  workspaceName: string;
}) {
  const posture = useMfaPosture(workspaceId);
  return (
    <QueryState query={posture}>
      {(data) => <PostureSummary posture={data} workspaceName={workspaceName} />}
    </QueryState>
  );
}

function PostureSummary({
  posture,
  workspaceName,
}: {
  posture: MfaPosture;
  workspaceName: string;
}) {
  const t = useT();
  const language = useLanguage();
  const deadline =
    posture.graceEndsAt === null ? null : formatDateTime(posture.graceEndsAt, language);
  const unbound = posture.members.filter((member) => !member.mfaBound);
  const fewCodes = posture.members.filter((member) => member.fewRecoveryCodes);
  const withKey = posture.members.filter((member) => member.hasSecurityKey);

  function exportCsv() {
    saveBlob(
      new Blob([postureCsv(posture, t)], { type: 'text/csv;charset=utf-8' }),
      postureCsvFileName(new Date()),
    );
  }

  return (
    <Card
      title={t('posture.title')}
      description={t('posture.description', { workspace: workspaceName })}
      actions={<Button onClick={exportCsv}>{t('posture.export')}</Button>}
    >
      <dl className={styles.figures}>
        <Stat label={t('posture.bound')} value={posture.boundCount} />
        <Stat label={t('posture.unbound')} value={posture.unboundCount} />
        <Stat label={t('posture.fewCodes')} value={posture.fewRecoveryCodesCount} />
        <Stat label={t('posture.securityKeys')} value={posture.securityKeyCount} />
        {deadline !== null && <Stat label={t('posture.graceDeadline')} value={deadline} />}
      </dl>
      <div className={styles.lists}>
        <PeopleList
          title={
            deadline === null ? t('posture.unboundList') : t('posture.unboundListBy', { deadline })
          }
          people={unbound}
          empty={t('posture.unboundNone')}
        />
        <PeopleList
          title={t('posture.fewCodesList')}
          people={fewCodes}
          empty={t('posture.fewCodesNone')}
          note={(member) => (
            <Badge tone="warning">
              {t('posture.codesLeft', { count: member.recoveryCodesLeft ?? 0 })}
            </Badge>
          )}
        />
        <PeopleList
          title={t('posture.securityKeysList')}
          people={withKey}
          empty={t('posture.securityKeysNone')}
          note={() => <Badge tone="success">{t('posture.securityKeyMark')}</Badge>}
        />
      </div>
    </Card>
  );
}

function Stat({ label, value }: { label: string; value: number | string }) {
  return (
    <div className={styles.figure}>
      <dt className={styles.figureLabel}>{label}</dt>
      <dd className={styles.figureValue}>{value}</dd>
    </div>
  );
}

function PeopleList({
  title,
  people,
  empty,
  note,
}: {
  title: string;
  people: readonly PostureMember[];
  empty: string;
  note?: (member: PostureMember) => ReactNode;
}) {
  return (
    <section className={styles.group} aria-label={title}>
      <h3 className={styles.groupTitle}>{title}</h3>
      {people.length === 0 ? (
        <p className={workspaceStyles.muted}>{empty}</p>
      ) : (
        <ul className={styles.people}>
          {people.map((member) => (
            <li key={member.id} className={styles.person}>
              <span className={styles.who}>
                <span className={styles.name}>{member.name}</span>
                <span className={styles.email}>{member.email}</span>
              </span>
              {note?.(member)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
