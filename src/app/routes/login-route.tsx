import { lazy, useEffect } from 'react';
import { LoginForm } from '@/features/auth/login-form';
import { PageCard } from '@/components/page-card';
import { BRAND_NAME } from '@/lib/brand';
import { useT } from '@/lib/i18n/i18n';
import { useSession } from '@/lib/session';
import { useSessionEnd } from '@/lib/session-end';

/** The later steps load only for a session that owes them, so the password form stays light. */
const MfaChallenge = lazy(() =>
  import('@/features/auth/mfa-challenge').then((module) => ({ default: module.MfaChallenge })),
);
const ForcedBind = lazy(() =>
  import('./forced-bind').then((module) => ({ default: module.ForcedBind })),
);

/**
 * /login shows the step the session is at (LOGIN-2): the password form, the
 * code owed (LOGIN-3) or the bind owed (LOGIN-4). Guards keep active sessions out.
 */
export function Component() {
  const t = useT();
  const { data: session } = useSession();
  const endReason = useSessionEnd((state) => state.reason);

  useEffect(() => {
    if (session?.state === 'active') useSessionEnd.setState({ reason: null, destination: null });
  }, [session?.state]);

  if (!session || session.state === 'active') return null;
  if (session.state === 'anonymous') {
    return (
      <PageCard
        title={t('login.title', { brand: BRAND_NAME })}
        subtitle={t('login.subtitle')}
        footer={t('login.demoHint')}
      >
        <LoginForm notice={endReason === 'expired' ? t('login.sessionExpired') : undefined} />
      </PageCard>
    );
  }
  if (session.state === 'mfa_required') return <MfaChallenge session={session} />;
  return <ForcedBind session={session} />;
}
