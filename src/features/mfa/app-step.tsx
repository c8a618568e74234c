import { QRCodeSVG } from 'qrcode.react';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import type { EnrollmentSecret } from '@/api/schemas/mfa';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { StepHeading } from '@/components/page-heading';
import { Spinner } from '@/components/spinner';
import { errorMessage } from '@/lib/error-message';
import { formatTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useIssueSecret } from './api/mfa-mutations';
import styles from './bind-wizard.module.css';
import { SetupKey } from './setup-key';

/** Quiet zone of four modules (the QR standard's minimum), white even in dark mode. */
const QR_MARGIN_MODULES = 4;
const QR_SIZE_PX = 192;

/**
 * BIND-2: a new secret is made each time this step is entered (BIND-5) and kept
 * only here, in memory, while the step is on screen.
 */
export function AppStep({
  email,
  onNext,
  secondary,
}: {
  email: string;
  onNext: () => void;
  secondary: ReactNode;
}) {
  const t = useT();
  const language = useLanguage();
  const issue = useIssueSecret();
  const [secret, setSecret] = useState<EnrollmentSecret | null>(null);
  const [expiresAt, setExpiresAt] = useState<number | null>(null);
  const { mutate } = issue;
  const requested = useRef(false);

  const requestSecret = useCallback(() => {
    mutate(undefined, {
      onSuccess: (issued) => {
        setSecret(issued);
        setExpiresAt(Date.now() + issued.expiresInSeconds * 1000);
      },
    });
  }, [mutate]);

  // Once per entry into the step; a second secret would silently replace the one on screen.
  useEffect(() => {
    if (requested.current) return;
    requested.current = true;
    requestSecret();
  }, [requestSecret]);

  return (
    <div className={styles.step}>
      <StepHeading>{t('bind.appTitle')}</StepHeading>
      <p>{t('bind.appText')}</p>
      {issue.isError && (
        <Alert
          tone="danger"
          action={
            <Button size="sm" onClick={requestSecret} busy={issue.isPending}>
              {t('common.retry')}
            </Button>
          }
        >
          {errorMessage(t, language, issue.error)}
        </Alert>
      )}
      {!secret && !issue.isError && (
        <div className={styles.qrPlaceholder}>
          <Spinner label={t('bind.loadingSecret')} />
        </div>
      )}
      {secret && (
        <>
          <figure className={styles.qr}>
            <QRCodeSVG
              value={secret.otpauthUri}
              size={QR_SIZE_PX}
              marginSize={QR_MARGIN_MODULES}
              bgColor="#ffffff"
              fgColor="#000000"
              level="M"
              role="img"
              aria-label={t('bind.qrLabel', { email })}
            />
          </figure>
          {expiresAt !== null && (
            <p className={styles.muted}>
              {t('bind.secretExpires', { time: formatTime(expiresAt, language) })}
            </p>
          )}
          <SetupKey secret={secret.secret} digits={secret.digits} period={secret.period} />
        </>
      )}
      <div className={styles.actions}>
        {secondary}
        <Button variant="primary" onClick={onNext} disabled={!secret}>
          {t('bind.next')}
        </Button>
      </div>
    </div>
  );
}
