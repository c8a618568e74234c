import { useId } from 'react';
import { Alert } from '@/components/alert';
import { CodeInput } from '@/components/code-input';
import { QueryState } from '@/components/query-state';
import { SendCodeButton } from '@/components/send-code-button';
import { errorMessage } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useSendTicketEmailCode } from '../api/ticket-mutations';
import { useTicketEmailCodeStatus } from '../api/ticket-queries';
import styles from './email-code-field.module.css';

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

  return (
    <section className={styles.verify} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.verifyTitle}>
        {t('tickets.code.title')}
      </h2>
      <p className={styles.verifyText}>{t('tickets.code.text', { email: maskedEmail })}</p>
      <div className={styles.verifyRow}>
        <SendCodeButton mutation={send} initialResendInSeconds={initialResendInSeconds} />
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
