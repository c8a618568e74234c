import { type ReactNode, useState } from 'react';
import type { Session } from '@/api/schemas/session';
import { PageCard } from '@/components/page-card';
import { SecondFactorForm, type SecondFactorMode } from '@/components/second-factor-form';
import { securityKeysSupported } from '@/components/security-key-prompt';
import { type Translate, useT } from '@/lib/i18n/i18n';
import { requestLoginKeyOptions, useVerifyLoginCode } from './api/auth-mutations';
import { BackToLogin } from './back-to-login';
import { firstSecondFactor, offersRememberBrowser } from './login-steps';
import styles from './mfa-challenge.module.css';
import { RememberBrowserCheckbox } from './remember-browser-checkbox';

const TITLES: Record<SecondFactorMode, (t: Translate) => string> = {
  key: (t) => t('keys.challengeTitle'),
  code: (t) => t('challenge.title'),
  recovery: (t) => t('recovery.challengeTitle'),
};

const SUBTITLES: Record<SecondFactorMode, (t: Translate, email: string) => string> = {
  key: (t, email) => t('keys.challengeSubtitle', { email }),
  code: (t, email) => t('challenge.subtitle', { email }),
  recovery: (t, email) => t('recovery.challengeSubtitle', { email }),
};

/**
 * LOGIN-3: a bound account owes its 6-digit dynamic code, or one of its
 * recovery codes (RECOVERY-2), or a security key, offered first when the
 * account has one (KEY-2). `lostDevice` is the way out for a member
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
  const securityKey = session.hasSecurityKey
    ? { requestOptions: requestLoginKeyOptions }
    : undefined;
  const [mode, setMode] = useState<SecondFactorMode>(() =>
    firstSecondFactor(session, Boolean(securityKey) && securityKeysSupported()),
  );
  const canRemember = offersRememberBrowser(session);
  const [remember, setRemember] = useState(false);
  return (
    <PageCard
      title={TITLES[mode](t)}
      subtitle={SUBTITLES[mode](t, session.email)}
      footer={
        <div className={styles.footer}>
          <BackToLogin />
          {lostDevice}
        </div>
      }
    >
      {canRemember && (
        <RememberBrowserCheckbox
          checked={remember}
          onChange={setRemember}
          disabled={verify.isPending}
        />
      )}
      <SecondFactorForm
        onSubmit={(proof) =>
          verify.mutate(remember && canRemember ? { ...proof, rememberBrowser: true } : proof)
        }
        pending={verify.isPending}
        error={verify.error}
        deadline={Date.parse(session.expiresAt)}
        onModeChange={setMode}
        onSwitch={() => verify.reset()}
        securityKey={securityKey}
      />
    </PageCard>
  );
}
