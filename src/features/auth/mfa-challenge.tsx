import type { ReactNode } from 'react';
import type { Session } from '@/api/schemas/session';
import { CodeForm } from '@/components/code-form';
import { PageCard } from '@/components/page-card';
import { useT } from '@/lib/i18n/i18n';
import { useVerifyLoginCode } from './api/auth-mutations';
import { BackToLogin } from './back-to-login';
import styles from './mfa-challenge.module.css';

/**
 * LOGIN-3: a bound account owes its 6-digit dynamic code. `lostDevice` is the
 * way out for a member without their phone (TICKET-8).
 */
export function MfaChallenge({
  session,
  lostDevice,
}: {
  session: Extract<Session, { state: 'mfa_required' }>;
  lostDevice?: ReactNode;
}) {
  const t = useT();
  const verify = useVerifyLoginCode();
  return (
    <PageCard
      title={t('challenge.title')}
      subtitle={t('challenge.subtitle', { email: session.email })}
      footer={
        <div className={styles.footer}>
          <BackToLogin />
          {lostDevice}
        </div>
      }
    >
      <CodeForm
        label={t('code.dynamicLabel')}
        onSubmit={(code) => verify.mutate(code)}
        pending={verify.isPending}
        error={verify.error}
        deadline={Date.parse(session.expiresAt)}
      />
    </PageCard>
  );
}
