import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { useT } from '@/lib/i18n/i18n';
import { useSessionCache } from '@/lib/session';
import { BindWizard } from './bind-wizard';
import { BoundPanel } from './bound-panel';

const ACCOUNT_PATH = '/account';

/** Account Management > Security Settings > Bind. */
export function Component() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('bind.title')} />
      <Card>
        <BindWizard
          onCancelled={() => navigate(ACCOUNT_PATH)}
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
        <Button variant="primary" onClick={() => navigate(ACCOUNT_PATH)}>
          {t('bind.returnToAccount')}
        </Button>
      }
    />
  );
}
