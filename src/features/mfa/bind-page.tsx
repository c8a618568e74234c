import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { PageHeader } from '@/components/page-header';
import { StepHeading } from '@/components/page-heading';
import { useT } from '@/lib/i18n/i18n';
import { BindWizard } from './bind-wizard';
import styles from './bind-wizard.module.css';

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
  const queryClient = useQueryClient();
  useEffect(() => {
    void queryClient.invalidateQueries();
  }, [queryClient]);
  return (
    <div className={styles.success}>
      <StepHeading>{t('bind.successTitle')}</StepHeading>
      <Alert tone="success">{t('bind.successText')}</Alert>
      <Button variant="primary" onClick={() => navigate(ACCOUNT_PATH)}>
        {t('bind.returnToAccount')}
      </Button>
    </div>
  );
}
