import type { Session } from '@/api/schemas/session';
import { PageCard } from '@/components/page-card';
import { formatTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { BackToLogin } from './back-to-login';

type PendingSession = Extract<Session, { state: 'mfa_required' | 'mfa_setup_required' }>;

/** A pending session's step with the way back to the login form. */
export function PendingStepFrame({ session }: { session: PendingSession }) {
  const t = useT();
  const language = useLanguage();
  const title =
    session.state === 'mfa_required' ? t('errors.MFA_REQUIRED') : t('errors.MFA_SETUP_REQUIRED');
  return (
    <PageCard title={title} subtitle={session.email} footer={<BackToLogin />}>
      <p>{t('login.pendingExpires', { time: formatTime(session.expiresAt, language) })}</p>
    </PageCard>
  );
}
