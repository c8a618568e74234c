import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { appPaths } from '@/api/app-paths';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { useT } from '@/lib/i18n/i18n';
import { useSessionCache } from '@/lib/session';
import { BindWizard } from './bind-wizard';
import { BoundPanel } from './bound-panel';

/** BIND-7: where a bind was started, and so where it returns to. */
export interface BindOrigin {
  path: string;
  /** `page`: any other page of the console, such as one showing the grace banner (MANDATORY-5). */
  page: 'account' | 'workspaceSecurity' | 'supportQueue' | 'page';
}

const RETURN_LABELS = {
  account: 'bind.returnToAccount',
  workspaceSecurity: 'bind.returnToWorkspaceSecurity',
  supportQueue: 'bind.returnToSupport',
  page: 'bind.returnToPage',
} as const;

/** Account Management > Security Settings > Bind, or a bind started elsewhere (BIND-7). */
export function BindPage({
  origin = { path: appPaths.account.href, page: 'account' },
}: {
  origin?: BindOrigin;
}) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('bind.title')} />
      <Card>
        <BindWizard
          onCancelled={() => navigate(origin.path)}
          renderSuccess={() => <BindSuccess origin={origin} />}
        />
      </Card>
    </>
  );
}

function BindSuccess({ origin }: { origin: BindOrigin }) {
  const t = useT();
  const navigate = useNavigate();
  const cache = useSessionCache();
  // BIND-3: the session and everything that shows MFA status now say bound.
  useEffect(() => {
    void cache.refetchAll();
  }, [cache]);
  return (
    <BoundPanel
      // SESSION-2: the server ended every other session of the account.
      text={`${t('bind.successText')} ${t('sessions.signedOutOthers')}`}
      action={
        <Button variant="primary" onClick={() => navigate(origin.path)}>
          {t(RETURN_LABELS[origin.page])}
        </Button>
      }
    />
  );
}
