import { useEffect } from 'react';
import { LoginForm } from '@/features/auth/login-form';
import { PendingStepFrame } from '@/features/auth/pending-step-frame';
import { PageCard } from '@/components/page-card';
import { BRAND_NAME } from '@/lib/brand';
import { useT } from '@/lib/i18n/i18n';
import { useSession } from '@/lib/session';
import { useSessionNotice } from '../session-notice';

/**
 * /login shows the step the session is at (LOGIN-2): the password form, the
 * code owed (LOGIN-3) or the bind owed (LOGIN-4). Guards keep active sessions out.
 */
export function Component() {
  const t = useT();
  const { data: session } = useSession();
  const expired = useSessionNotice((state) => state.expired);
  const setExpired = useSessionNotice((state) => state.setExpired);

  useEffect(() => {
    if (session?.state === 'active') setExpired(false);
  }, [session?.state, setExpired]);

  if (!session || session.state === 'active') return null;
  if (session.state === 'anonymous') {
    return (
      <PageCard
        title={t('login.title', { brand: BRAND_NAME })}
        subtitle={t('login.subtitle')}
        footer={t('login.demoHint')}
      >
        <LoginForm notice={expired ? t('login.sessionExpired') : undefined} />
      </PageCard>
    );
  }
  return <PendingStepFrame session={session} />;
}
