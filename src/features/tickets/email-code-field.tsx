import { useId, useState } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { CodeInput } from '@/components/code-input';
import { QueryState } from '@/components/query-state';
import { errorMessage } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useNow } from '@/lib/use-now';
import { useSendTicketEmailCode, useTicketEmailCodeStatus } from './email-code-api';
import styles from './tickets.module.css';

/**
 * TICKET-4: an Unbind MFA ticket proves the email: the code goes to the
 * account's address, and the resend countdown comes from the server.
 */
export function EmailCodeField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
}) {
  const status = useTicketEmailCodeStatus();
  return (
    <QueryState query={status}>
      {(data) => (
        <EmailCode
          maskedEmail={data.maskedEmail}
          initialResendInSeconds={data.resendInSeconds}
          value={value}
          onChange={onChange}
          error={error}
        />
      )}
    </QueryState>
  );
}

function EmailCode({
  maskedEmail,
  initialResendInSeconds,
  value,
  onChange,
  error,
}: {
  maskedEmail: string;
  initialResendInSeconds: number | null;
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
}) {
  const t = useT();
  const language = useLanguage();
  const titleId = useId();
  const send = useSendTicketEmailCode();
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
    <section className={styles.verify} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.verifyTitle}>
        {t('tickets.code.title')}
      </h2>
      <p className={styles.verifyText}>{t('tickets.code.text', { email: maskedEmail })}</p>
      <div className={styles.verifyRow}>
        <Button onClick={sendCode} busy={send.isPending} disabled={secondsLeft > 0}>
          {secondsLeft > 0
            ? t('bind.resendIn', { seconds: secondsLeft })
            : codeSent
              ? t('bind.resend')
              : t('bind.getCode')}
        </Button>
      </div>
      {send.isSuccess && (
        <Alert tone="success">{t('tickets.code.sent', { email: maskedEmail })}</Alert>
      )}
      {send.isError && <Alert tone="danger">{errorMessage(t, language, send.error)}</Alert>}
      <CodeInput
        label={t('code.emailLabel')}
        value={value}
        onChange={onChange}
        error={error}
        hint={t('code.hint')}
      />
    </section>
  );
}
