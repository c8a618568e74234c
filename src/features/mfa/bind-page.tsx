import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { appPaths } from '@/app/paths';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { useT } from '@/lib/i18n/i18n';
import { useSessionCache } from '@/lib/session';
import { BindWizard } from './bind-wizard';
import { BoundPanel } from './bound-panel';

/** Account Management > Security Settings > Bind. */
export function BindPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('bind.title')} />
      <Card>
        <BindWizard
          onCancelled={() => navigate(appPaths.account.href)}
          renderSuccess={() => <BindSuccess />}
        />
      </Card>
    </>
  );
}

function BindSuccess() {
  const t = useT();
  const navigate = useNavigate();
  const cache = useSessionCache();
  // BIND-3: the session and everything that shows MFA status now say bound.
  useEffect(() => {
    void cache.refetchAll();
  }, [cache]);
  return (
    <BoundPanel
      text={t('bind.successText')}
      action={
        <Button variant="primary" onClick={() => navigate(appPaths.account.href)}>
          {t('bind.returnToAccount')}
        </Button>
      }
    />
  );
}
