import type { ReactNode } from 'react';
import { isApiError } from '@/api/api-error';
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
  onCodeRefused,
  secondary,
}: {
  maskedEmail: string;
  initialResendInSeconds: number | null;
  /** Why the user is here again, when they are. */
  notice?: ReactNode;
  onVerified: () => void;
  /** A refused code may have been voided: the host asks the server for the wait again. */
  onCodeRefused: () => void;
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
        {/* The server's wait, read again after a refusal, starts the countdown afresh. */}
        <SendCodeButton
          key={initialResendInSeconds ?? 'no-wait'}
          mutation={send}
          initialResendInSeconds={initialResendInSeconds}
        />
      </div>
      {send.isSuccess && <Alert tone="success">{t('bind.codeSent', { email: maskedEmail })}</Alert>}
      {send.isError && <Alert tone="danger">{errorMessage(t, language, send.error)}</Alert>}
      <CodeForm
        label={t('code.emailLabel')}
        focusOnMount={false}
        onSubmit={(code) =>
          verify.mutate(code, {
            onSuccess: onVerified,
            onError: (error) => {
              if (isApiError(error) && error.code === 'INVALID_EMAIL_CODE') onCodeRefused();
            },
          })
        }
        pending={verify.isPending}
        error={verify.error}
        secondary={secondary}
      />
    </div>
  );
}
