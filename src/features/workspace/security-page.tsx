import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { appPaths, returningTo } from '@/api/app-paths';
import type { MfaPolicy } from '@/api/schemas/workspace';
import { Alert } from '@/components/alert';
import { Card } from '@/components/card';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { Switch } from '@/components/switch';
import { formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useActiveSession } from '@/lib/session';
import { useSetMfaPolicy } from './api/workspace-mutations';
import { useMfaPolicy } from './api/workspace-queries';
import { type Enforcement, EnforcementChoice, graceDaysOf } from './enforcement-choice';
import { GraceNotice } from './grace-notice';
import { RememberPolicyCard } from './remember-policy-card';
import styles from './workspace.module.css';

/**
 * Workspace Settings > Security > MFA Security Authentication (MANDATORY-1,
 * -2, -5), and beside it remembered browsers (REMEMBER-1).
 */
export function SecurityPage() {
  const t = useT();
  const { workspaceId = '' } = useParams();
  const session = useActiveSession();
  const workspaceName =
    session.workspaces.find((workspace) => workspace.id === workspaceId)?.name ?? '';
  const policy = useMfaPolicy(workspaceId);
  return (
    <>
      <PageHeader
        title={t('security.title')}
        subtitle={t('security.subtitle', { workspace: workspaceName })}
      />
      <QueryState query={policy}>
        {(current) => (
          <div className={styles.cards}>
            <MfaPolicyCard
              workspaceId={workspaceId}
              workspaceName={workspaceName}
              policy={current}
            />
            <RememberPolicyCard workspaceId={workspaceId} policy={current} />
          </div>
        )}
      </QueryState>
    </>
  );
}

const DEFAULT_ENFORCEMENT: Enforcement = { when: 'now', days: '7' };

function MfaPolicyCard({
  workspaceId,
  workspaceName,
  policy,
}: {
  workspaceId: string;
  workspaceName: string;
  policy: MfaPolicy;
}) {
  const t = useT();
  const language = useLanguage();
  const setPolicy = useSetMfaPolicy(workspaceId);
  const [confirming, setConfirming] = useState(false);
  const [enforcement, setEnforcement] = useState<Enforcement>(DEFAULT_ENFORCEMENT);
  const [daysError, setDaysError] = useState(false);
  const next = !policy.mfaRequired;
  const blockedByOwnMfa = policy.canChange && next && !policy.ownerMfaBound;

  const confirmText = next
    ? policy.unboundMemberCount
      ? t('security.confirmOnText', { count: policy.unboundMemberCount, workspace: workspaceName })
      : t('security.confirmOnAllBound', { workspace: workspaceName })
    : t('security.confirmOffText', { workspace: workspaceName });

  function confirm() {
    if (!next) {
      setPolicy.mutate({ mfaRequired: false }, { onSuccess: () => setConfirming(false) });
      return;
    }
    const graceDays = enforcement.when === 'later' ? graceDaysOf(enforcement.days) : undefined;
    // Bad input changes nothing and sends nothing; the field says why.
    if (graceDays === null) return setDaysError(true);
    setPolicy.mutate(
      { mfaRequired: true, ...(graceDays === undefined ? {} : { graceDays }) },
      { onSuccess: () => setConfirming(false) },
    );
  }

  return (
    <Card title={t('security.mfaTitle')} description={t('security.mfaDescription')}>
      <div className={styles.policy}>
        <Switch
          label={t('security.mfaTitle')}
          checked={policy.mfaRequired}
          onLabel={t('security.on')}
          offLabel={t('security.off')}
          disabled={!policy.canChange || blockedByOwnMfa || setPolicy.isPending}
          onChange={() => {
            setPolicy.reset();
            setEnforcement(DEFAULT_ENFORCEMENT);
            setDaysError(false);
            setConfirming(true);
          }}
        />
        {!policy.canChange && <p className={styles.muted}>{t('security.ownerOnly')}</p>}
      </div>
      {blockedByOwnMfa && (
        <Alert
          tone="warning"
          action={
            // BIND-7: the wizard comes back here once the owner has bound MFA.
            <Link
              to={returningTo(appPaths.bindMfa.href, appPaths.workspaceSecurity.href(workspaceId))}
            >
              {t('security.bindFirstLink')}
            </Link>
          }
        >
          {t('security.bindFirst')}
        </Alert>
      )}
      {setPolicy.isSuccess && (
        <Alert tone="success">
          {!policy.mfaRequired
            ? t('security.changedOff')
            : policy.graceEndsAt
              ? t('security.changedOnGrace', {
                  deadline: formatDateTime(policy.graceEndsAt, language),
                })
              : t('security.changedOn')}
        </Alert>
      )}
      <div className={styles.notices}>
        <GraceNotice
          workspaceId={workspaceId}
          workspaceName={workspaceName}
          graceEndsAt={policy.graceEndsAt}
          unbound={policy.unboundMemberCount}
          canEnd={policy.canChange}
        />
      </div>
      <ConfirmDialog
        open={confirming}
        title={next ? t('security.confirmOnTitle') : t('security.confirmOffTitle')}
        description={confirmText}
        confirmLabel={next ? t('security.switchOn') : t('security.switchOff')}
        pending={setPolicy.isPending}
        error={setPolicy.error}
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
      >
        {next && (
          <EnforcementChoice
            value={enforcement}
            error={daysError ? t('security.graceDaysInvalid') : undefined}
            disabled={setPolicy.isPending}
            onChange={(value) => {
              setEnforcement(value);
              setDaysError(false);
            }}
          />
        )}
      </ConfirmDialog>
    </Card>
  );
}
