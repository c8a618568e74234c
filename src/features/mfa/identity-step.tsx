import { useState } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { CodeForm } from '@/components/code-form';
import { StepHeading } from '@/components/page-heading';
import { errorMessage } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useNow } from '@/lib/use-now';
import { useSendBindEmailCode, useVerifyBindIdentity } from './enrollment-api';
import styles from './bind-wizard.module.css';

/**
 * BIND-1: the email code proves the user holds the account. The resend
 * countdown comes from the server, so it survives a reload.
 */
export function IdentityStep({
  maskedEmail,
  initialResendInSeconds,
  onVerified,
  secondary,
}: {
  maskedEmail: string;
  initialResendInSeconds: number | null;
  onVerified: () => void;
  secondary: React.ReactNode;
}) {
  const t = useT();
  const language = useLanguage();
  const send = useSendBindEmailCode();
  const verify = useVerifyBindIdentity();
  const [resendAt, setResendAt] = useState<number | null>(() =>
    initialResendInSeconds === null ? null : Date.now() + initialResendInSeconds * 1000,
  );
  const now = useNow(resendAt !== null);
  const secondsLeft = resendAt === null ? 0 : Math.max(0, Math.ceil((resendAt - now) / 1000));
  const codeSent = resendAt !== null || send.isSuccess;

  function sendCode() {
    send.mutate(undefined, {
      onSuccess: ({ resendInSeconds }) => setResendAt(Date.now() + resendInSeconds * 1000),
    });
  }

  return (
    <div className={styles.step}>
      <StepHeading>{t('bind.identityTitle')}</StepHeading>
      <p>{t('bind.identityText', { email: maskedEmail })}</p>
      <div className={styles.sendRow}>
        <Button onClick={sendCode} busy={send.isPending} disabled={secondsLeft > 0}>
          {secondsLeft > 0
            ? t('bind.resendIn', { seconds: secondsLeft })
            : codeSent
              ? t('bind.resend')
              : t('bind.getCode')}
        </Button>
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
