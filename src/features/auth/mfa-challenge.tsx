import { type ReactNode, useState } from 'react';
import type { Session } from '@/api/schemas/session';
import { PageCard } from '@/components/page-card';
import { SecondFactorForm } from '@/components/second-factor-form';
import { useT } from '@/lib/i18n/i18n';
import { useVerifyLoginCode } from './api/auth-mutations';
import { BackToLogin } from './back-to-login';
import styles from './mfa-challenge.module.css';
import { RememberBrowserCheckbox } from './remember-browser-checkbox';

/**
 * LOGIN-3: a bound account owes its 6-digit dynamic code, or one of its
 * recovery codes (RECOVERY-2). `lostDevice` is the way out for a member
 * without their phone and their codes (TICKET-8, RECOVERY-5).
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
  const [mode, setMode] = useState<'code' | 'recovery'>('code');
  const [remember, setRemember] = useState(false);
  return (
    <PageCard
      title={mode === 'code' ? t('challenge.title') : t('recovery.challengeTitle')}
      subtitle={
        mode === 'code'
          ? t('challenge.subtitle', { email: session.email })
          : t('recovery.challengeSubtitle', { email: session.email })
      }
      footer={
        <div className={styles.footer}>
          <BackToLogin />
          {lostDevice}
        </div>
      }
    >
      {session.canRememberBrowser && (
        <RememberBrowserCheckbox
          checked={remember}
          onChange={setRemember}
          disabled={verify.isPending}
        />
      )}
      <SecondFactorForm
        onSubmit={(proof) =>
          verify.mutate(
            remember && session.canRememberBrowser ? { ...proof, rememberBrowser: true } : proof,
          )
        }
        pending={verify.isPending}
        error={verify.error}
        deadline={Date.parse(session.expiresAt)}
        onModeChange={setMode}
        onSwitch={() => verify.reset()}
      />
    </PageCard>
  );
}
