import { useState } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useEndGracePeriod } from './api/workspace-mutations';

/**
 * MANDATORY-5: a running grace period, its deadline and, for the Owner, the
 * way to end it now; once ended here, it says so. `unbound` counts who still
 * has to bind, when known. Renders nothing when no grace period runs.
 */
export function GraceNotice({
  workspaceId,
  workspaceName,
  graceEndsAt,
  unbound,
  canEnd,
}: {
  workspaceId: string;
  workspaceName: string;
  graceEndsAt: string | null;
  unbound?: number | null | undefined;
  canEnd: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  const end = useEndGracePeriod(workspaceId);
  const [confirming, setConfirming] = useState(false);
  if (graceEndsAt === null) {
    return end.isSuccess ? <Alert tone="success">{t('grace.ended')}</Alert> : null;
  }
  const deadline = formatDateTime(graceEndsAt, language);
  return (
    <>
      <Alert
        tone="warning"
        action={
          canEnd && (
            <Button
              size="sm"
              onClick={() => {
                end.reset();
                setConfirming(true);
              }}
            >
              {t('grace.end')}
            </Button>
          )
        }
      >
        {typeof unbound === 'number' && unbound > 0
          ? t('grace.statusCount', { count: unbound, deadline })
          : t('grace.status', { deadline })}
      </Alert>
      <ConfirmDialog
        open={confirming}
        title={t('grace.endTitle')}
        description={t('grace.endText', { workspace: workspaceName, deadline })}
        confirmLabel={t('grace.end')}
        tone="danger"
        pending={end.isPending}
        error={end.error}
        onConfirm={() => end.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}
