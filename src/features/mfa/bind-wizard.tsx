import { type ReactNode, useState } from 'react';
import type { EnrollmentConfirmed } from '@/api/schemas/mfa';
import type { Session } from '@/api/schemas/session';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { QueryState } from '@/components/query-state';
import { Steps } from '@/components/steps';
import { useT } from '@/lib/i18n/i18n';
import { useCancelEnrollment } from './api/mfa-mutations';
import { useEnrollmentStatus } from './api/mfa-queries';
import { AppStep, type HeldSecret, useAppStepName } from './app-step';
import styles from './bind-wizard.module.css';
import { CodeStep } from './code-step';
import { IdentityStep } from './identity-step';
import { RecoveryCodesStep } from './recovery-codes-step';

type Stage =
  | { step: 0 | 1 | 2 }
  | { step: 'codes'; confirmed: EnrollmentConfirmed & { recoveryCodes: string[] } }
  | { step: 'done'; session: Session };

/** RECOVERY-1: a new binding shows its recovery codes before the host's success. */
function afterConfirm(confirmed: EnrollmentConfirmed): Stage {
  const { recoveryCodes } = confirmed;
  return recoveryCodes
    ? { step: 'codes', confirmed: { ...confirmed, recoveryCodes } }
    : { step: 'done', session: confirmed.session };
}

/**
 * The bind wizard (BIND-1 to BIND-5), one component for Account Management and
 * for the forced bind at login. The host decides what success leads to.
 */
export function BindWizard({
  onCancelled,
  renderSuccess,
}: {
  onCancelled: () => void;
  renderSuccess: (session: Session) => ReactNode;
}) {
  const status = useEnrollmentStatus();
  return (
    <QueryState query={status}>
      {(current) => (
        <WizardSteps
          maskedEmail={current.maskedEmail}
          initialStep={current.stage === 'app' ? 1 : 0}
          resendInSeconds={current.resendInSeconds}
          refreshStatus={() => status.refetch()}
          onCancelled={onCancelled}
          renderSuccess={renderSuccess}
        />
      )}
    </QueryState>
  );
}

function WizardSteps({
  maskedEmail,
  initialStep,
  resendInSeconds,
  refreshStatus,
  onCancelled,
  renderSuccess,
}: {
  maskedEmail: string;
  initialStep: 0 | 1;
  /** The server's resend countdown, as of the last status fetch. */
  resendInSeconds: number | null;
  refreshStatus: () => Promise<unknown>;
  onCancelled: () => void;
  renderSuccess: (session: Session) => ReactNode;
}) {
  const t = useT();
  const cancel = useCancelEnrollment();
  const appStepName = useAppStepName();
  const [stage, setStage] = useState<Stage>({ step: initialStep });
  // BIND-5: held here, above the steps, so Back from step 3 shows the very same QR code.
  const [secret, setSecret] = useState<HeldSecret | null>(null);
  const [expired, setExpired] = useState(false);
  const stepIndex = stage.step === 'codes' ? 3 : stage.step === 'done' ? 4 : stage.step;

  // The secret and the verified identity ran out: step 1 again, with the server's countdown.
  async function restart() {
    setSecret(null);
    await refreshStatus();
    setExpired(true);
    setStage({ step: 0 });
  }

  const cancelButton = (
    <Button
      variant="ghost"
      onClick={() => cancel.mutate(undefined, { onSuccess: onCancelled })}
      busy={cancel.isPending}
    >
      {t('bind.cancel')}
    </Button>
  );

  return (
    <div className={styles.wizard}>
      <Steps
        label={t('bind.steps')}
        steps={[t('bind.step1'), appStepName, t('bind.step3'), t('bind.step4')]}
        current={stepIndex}
      />
      {stage.step === 0 && (
        <IdentityStep
          maskedEmail={maskedEmail}
          initialResendInSeconds={resendInSeconds}
          notice={expired ? <Alert tone="warning">{t('bind.expiredNotice')}</Alert> : null}
          onVerified={() => {
            setExpired(false);
            setStage({ step: 1 });
          }}
          onCodeRefused={() => void refreshStatus()}
          secondary={cancelButton}
        />
      )}
      {/* BIND-4: once the identity is verified, step 1 is done; no Back leads to it. */}
      {stage.step === 1 && (
        <AppStep
          email={maskedEmail}
          secret={secret}
          onSecret={setSecret}
          onExpired={() => void restart()}
          onNext={() => setStage({ step: 2 })}
          secondary={cancelButton}
        />
      )}
      {stage.step === 2 && (
        <CodeStep
          email={maskedEmail}
          onBound={(confirmed) => {
            setSecret(null);
            setStage(afterConfirm(confirmed));
          }}
          onExpired={() => void restart()}
          secondary={
            <>
              {cancelButton}
              <Button onClick={() => setStage({ step: 1 })}>{t('common.back')}</Button>
            </>
          }
        />
      )}
      {stage.step === 'codes' && (
        <RecoveryCodesStep
          codes={stage.confirmed.recoveryCodes}
          onFinish={() => setStage({ step: 'done', session: stage.confirmed.session })}
        />
      )}
      {stage.step === 'done' && renderSuccess(stage.session)}
    </div>
  );
}
