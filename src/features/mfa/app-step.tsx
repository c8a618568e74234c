import { QRCodeSVG } from 'qrcode.react';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '@/api/api-error';
import type { EnrollmentSecret } from '@/api/schemas/mfa';
import { Alert } from '@/components/alert';
import { Button, buttonClassName } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { StepHeading } from '@/components/page-heading';
import { Spinner } from '@/components/spinner';
import { errorMessage } from '@/lib/error-message';
import { formatTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { PHONE_QUERY, useMediaQuery } from '@/lib/use-media-query';
import { useIssueSecret, useRotateSecret } from './api/mfa-mutations';
import styles from './bind-wizard.module.css';
import { SetupKey } from './setup-key';

/** Quiet zone of four modules (the QR standard's minimum), white even in dark mode. */
const QR_MARGIN_MODULES = 4;
const QR_SIZE_PX = 192;

/** The secret on screen and when it expires, in client time; memory only (BIND-5). */
export interface HeldSecret extends EnrollmentSecret {
  expiresAt: number;
}

function held(issued: EnrollmentSecret): HeldSecret {
  return { ...issued, expiresAt: Date.now() + issued.expiresInSeconds * 1000 };
}

function isExpiry(error: unknown): boolean {
  return isApiError(error) && error.code === 'ENROLLMENT_REQUIRED';
}

/** The step's name in a wizard's step list: a phone adds the account, another screen scans it. */
export function useAppStepName(): string {
  const t = useT();
  return useMediaQuery(PHONE_QUERY) ? t('bind.step2Phone') : t('bind.step2');
}

/**
 * BIND-2, BIND-5, BIND-6: the secret the server holds for this wizard, the same
 * one on every visit (Back, a reload, a return from the phone's app). Only
 * **Show a new QR code** replaces it. On a phone, which cannot scan its own
 * screen, the link to the app and the setup key come first, the QR code after.
 */
export function AppStep({
  email,
  secret,
  onSecret,
  onExpired,
  onNext,
  secondary,
}: {
  email: string;
  secret: HeldSecret | null;
  onSecret: (secret: HeldSecret) => void;
  onExpired: () => void;
  onNext: () => void;
  secondary: ReactNode;
}) {
  const t = useT();
  const language = useLanguage();
  const phone = useMediaQuery(PHONE_QUERY);
  const issue = useIssueSecret();
  const rotate = useRotateSecret();
  const [confirmRotate, setConfirmRotate] = useState(false);
  const { mutate } = issue;
  const requested = useRef(false);

  const requestSecret = useCallback(() => {
    mutate(undefined, {
      onSuccess: (issued) => onSecret(held(issued)),
      onError: (error) => {
        if (isExpiry(error)) onExpired();
      },
    });
  }, [mutate, onSecret, onExpired]);

  // Fetched once when the wizard has none yet; Back from step 3 keeps the one on screen.
  useEffect(() => {
    if (secret || requested.current) return;
    requested.current = true;
    requestSecret();
  }, [secret, requestSecret]);

  function rotateSecret() {
    rotate.mutate(undefined, {
      onSuccess: (issued) => {
        onSecret(held(issued));
        setConfirmRotate(false);
      },
      onError: (error) => {
        if (isExpiry(error)) onExpired();
      },
    });
  }

  const qr = secret && (
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
  );

  return (
    <div className={styles.step}>
      {/* BIND-6: on a phone the QR code is folded away; the heading names what the step shows. */}
      <StepHeading>{phone ? t('bind.appTitlePhone') : t('bind.appTitle')}</StepHeading>
      <p>{phone ? t('bind.appTextPhone') : t('bind.appText')}</p>
      {issue.isError && !isExpiry(issue.error) && (
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
      {rotate.isSuccess && <Alert tone="success">{t('bind.rotated')}</Alert>}
      {secret && phone && (
        <>
          <a className={buttonClassName('secondary')} href={secret.otpauthUri}>
            {t('bind.openInApp')}
          </a>
          <SetupKey
            key={secret.secret}
            secret={secret.secret}
            digits={secret.digits}
            period={secret.period}
            expanded
          />
          <details className={styles.details}>
            <summary>{t('bind.showQr')}</summary>
            <div className={styles.detailsBody}>{qr}</div>
          </details>
        </>
      )}
      {secret && !phone && (
        <>
          {qr}
          <SetupKey
            key={secret.secret}
            secret={secret.secret}
            digits={secret.digits}
            period={secret.period}
          />
        </>
      )}
      {secret && (
        <div className={styles.secretFoot}>
          <p className={styles.muted}>
            {t('bind.secretExpires', { time: formatTime(secret.expiresAt, language) })}
          </p>
          <Button
            variant="link"
            onClick={() => {
              rotate.reset();
              setConfirmRotate(true);
            }}
          >
            {t('bind.rotate')}
          </Button>
        </div>
      )}
      <div className={styles.actions}>
        {secondary}
        <Button variant="primary" onClick={onNext} disabled={!secret}>
          {t('bind.next')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirmRotate}
        title={t('bind.rotateTitle')}
        description={t('bind.rotateText')}
        confirmLabel={t('bind.rotateConfirm')}
        pending={rotate.isPending}
        error={rotate.isError && !isExpiry(rotate.error) ? rotate.error : null}
        onConfirm={rotateSecret}
        onCancel={() => setConfirmRotate(false)}
      />
    </div>
  );
}
