import type { ReactNode } from 'react';
import { Alert } from '@/components/alert';
import { CodeForm } from '@/components/code-form';
import { StepHeading } from '@/components/page-heading';
import { SendCodeButton } from '@/components/send-code-button';
import { errorMessage } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useSendBindEmailCode, useVerifyBindIdentity } from './api/mfa-mutations';
import styles from './bind-wizard.module.css';

/**
 * BIND-1: the email code proves the user holds the account. The resend
 * countdown comes from the server, so it survives a reload.
 */
export function IdentityStep({
  maskedEmail,
  initialResendInSeconds,
  notice,
  onVerified,
  secondary,
}: {
  maskedEmail: string;
  initialResendInSeconds: number | null;
  /** Why the user is here again, when they are. */
  notice?: ReactNode;
  onVerified: () => void;
  secondary: ReactNode;
}) {
  const t = useT();
  const language = useLanguage();
  const send = useSendBindEmailCode();
  const verify = useVerifyBindIdentity();
  return (
    <div className={styles.step}>
      <StepHeading>{t('bind.identityTitle')}</StepHeading>
      {notice}
      <p>{t('bind.identityText', { email: maskedEmail })}</p>
      <div className={styles.sendRow}>
        <SendCodeButton mutation={send} initialResendInSeconds={initialResendInSeconds} />
      </div>
      {send.isSuccess && <Alert tone="success">{t('bind.codeSent', { email: maskedEmail })}</Alert>}
      {send.isError && <Alert tone="danger">{errorMessage(t, language, send.error)}</Alert>}
      <CodeForm
        label={t('code.emailLabel')}
        focusOnMount={false}
        onSubmit={(code) => verify.mutate(code, { onSuccess: onVerified })}
        pending={verify.isPending}
        error={verify.error}
        secondary={secondary}
      />
    </div>
  );
}
