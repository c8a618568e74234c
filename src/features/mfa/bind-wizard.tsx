import { type ReactNode, useState } from 'react';
import type { EnrollmentConfirmed } from '@/api/schemas/mfa';
import type { Session } from '@/api/schemas/session';
import { Button } from '@/components/button';
import { QueryState } from '@/components/query-state';
import { Steps } from '@/components/steps';
import { useT } from '@/lib/i18n/i18n';
import { useCancelEnrollment } from './api/mfa-mutations';
import { useEnrollmentStatus } from './api/mfa-queries';
import { AppStep } from './app-step';
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
          initialResendInSeconds={current.resendInSeconds}
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
  initialResendInSeconds,
  onCancelled,
  renderSuccess,
}: {
  maskedEmail: string;
  initialStep: 0 | 1;
  initialResendInSeconds: number | null;
  onCancelled: () => void;
  renderSuccess: (session: Session) => ReactNode;
}) {
  const t = useT();
  const cancel = useCancelEnrollment();
  const [stage, setStage] = useState<Stage>({ step: initialStep });
  const stepIndex = stage.step === 'codes' ? 3 : stage.step === 'done' ? 4 : stage.step;

  const cancelButton = (
    <Button
      variant="ghost"
      onClick={() => cancel.mutate(undefined, { onSuccess: onCancelled })}
      busy={cancel.isPending}
    >
      {t('bind.cancel')}
    </Button>
  );
  const backTo = (step: 0 | 1) => (
    <Button onClick={() => setStage({ step })}>{t('common.back')}</Button>
  );

  return (
    <div className={styles.wizard}>
      <Steps
        label={t('bind.steps')}
        steps={[t('bind.step1'), t('bind.step2'), t('bind.step3'), t('bind.step4')]}
        current={stepIndex}
      />
      {stage.step === 0 && (
        <IdentityStep
          maskedEmail={maskedEmail}
          initialResendInSeconds={initialResendInSeconds}
          onVerified={() => setStage({ step: 1 })}
          secondary={cancelButton}
        />
      )}
      {stage.step === 1 && (
        <AppStep
          email={maskedEmail}
          onNext={() => setStage({ step: 2 })}
          secondary={
            <>
              {cancelButton}
              {backTo(0)}
            </>
          }
        />
      )}
      {stage.step === 2 && (
        <CodeStep
          email={maskedEmail}
          onBound={(confirmed) => setStage(afterConfirm(confirmed))}
          secondary={
            <>
              {cancelButton}
              {backTo(1)}
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
