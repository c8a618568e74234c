import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { MfaPolicy } from '@/api/schemas/workspace';
import { appPaths, returningTo } from '@/app/paths';
import { Alert } from '@/components/alert';
import { Card } from '@/components/card';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { Switch } from '@/components/switch';
import { useT } from '@/lib/i18n/i18n';
import { useActiveSession } from '@/lib/session';
import { useSetMfaPolicy } from './api/workspace-mutations';
import { useMfaPolicy } from './api/workspace-queries';
import styles from './workspace.module.css';

/** Workspace Settings > Security > MFA Security Authentication (MANDATORY-1, MANDATORY-2). */
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
          <MfaPolicyCard workspaceId={workspaceId} workspaceName={workspaceName} policy={current} />
        )}
      </QueryState>
    </>
  );
}

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
  const setPolicy = useSetMfaPolicy(workspaceId);
  const [confirming, setConfirming] = useState(false);
  const next = !policy.mfaRequired;
  const blockedByOwnMfa = policy.canChange && next && !policy.ownerMfaBound;

  const confirmText = next
    ? policy.unboundMemberCount
      ? t('security.confirmOnText', { count: policy.unboundMemberCount, workspace: workspaceName })
      : t('security.confirmOnAllBound', { workspace: workspaceName })
    : t('security.confirmOffText', { workspace: workspaceName });

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
          {policy.mfaRequired ? t('security.changedOn') : t('security.changedOff')}
        </Alert>
      )}
      <ConfirmDialog
        open={confirming}
        title={next ? t('security.confirmOnTitle') : t('security.confirmOffTitle')}
        description={confirmText}
        confirmLabel={next ? t('security.switchOn') : t('security.switchOff')}
        pending={setPolicy.isPending}
        error={setPolicy.error}
        onConfirm={() => setPolicy.mutate(next, { onSuccess: () => setConfirming(false) })}
        onCancel={() => setConfirming(false)}
      />
    </Card>
  );
}
